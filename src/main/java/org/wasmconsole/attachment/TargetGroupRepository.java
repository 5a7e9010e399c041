package org.wasmconsole.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface TargetGroupRepository extends JpaRepository<TargetGroup, Long> {

    Optional<TargetGroup> findByWorkspaceIdAndKindAndName(Long workspaceId, GroupKind kind, String name);

    List<TargetGroup> findByWorkspaceIdInOrderByKindAscNameAsc(Collection<Long> workspaceIds);
}
