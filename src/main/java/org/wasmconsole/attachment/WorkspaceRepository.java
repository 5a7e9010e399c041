package org.wasmconsole.attachment;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface WorkspaceRepository extends JpaRepository<Workspace, Long> {

    Optional<Workspace> findByTenantIdAndName(Long tenantId, String name);

    List<Workspace> findByTenantIdOrderByName(Long tenantId);
}
