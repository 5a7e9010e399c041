package org.wasmconsole.tenant;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantRepository extends JpaRepository<Tenant, Long> {

    Optional<Tenant> findByOrganizationNameAndName(String organizationName, String name);

    List<Tenant> findByOrganizationNameOrderByName(String organizationName);

    List<Tenant> findByOrganizationNameAndIdInOrderByName(String organizationName, Collection<Long> ids);

    List<Tenant> findByIdIn(Collection<Long> ids);
}
