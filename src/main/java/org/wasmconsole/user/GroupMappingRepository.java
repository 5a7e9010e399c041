package org.wasmconsole.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface GroupMappingRepository extends JpaRepository<GroupMapping, Long> {

    List<GroupMapping> findAllByOrderByGroupNameAsc();

    Optional<GroupMapping> findByGroupName(String groupName);

    List<GroupMapping> findByGroupNameIn(Collection<String> groupNames);
}
