package org.wasmconsole.attachment;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface TargetRepository extends JpaRepository<Target, Long> {

    Optional<Target> findByGroupIdAndKindAndName(Long groupId, TargetKind kind, String name);

    List<Target> findByGroupIdInOrderByKindAscNameAsc(Collection<Long> groupIds);

    long countByGroupId(Long groupId);

    /** Every attachment of an extension, with what {@link AttachmentEntry#usage()} reads, in FQN order. */
    @Query("""
            select a from AttachmentEntry a join fetch a.target t join fetch t.group g join fetch g.workspace w
              join fetch w.tenant n join fetch a.extension
             where a.extension.id = :extensionId
             order by n.name, w.name, g.kind, g.name, t.kind, t.name""")
    List<AttachmentEntry> attachmentsOf(@Param("extensionId") Long extensionId);

    @Query("""
            select count(a) from AttachmentEntry a where a.target.group.workspace.tenant.id = :tenantId""")
    long countAttachmentsInTenant(@Param("tenantId") Long tenantId);
}
