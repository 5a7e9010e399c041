package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.attachment.TopologyOutline.GroupOutline;
import org.wasmconsole.attachment.TopologyOutline.WorkspaceOutline;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;

/**
 * The tenant page's reads at any size (issue #23): the tenant's workspaces with counts from one
 * aggregate query, a workspace's groups with theirs when it unfolds, and a group's gateways or
 * security settings a page at a time. {@link TopologyService#topology} reads everything at once,
 * which is what the Istio output and exports need, not a screen.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class TopologyOutlineService {

    /** Per group and target kind: workspace id, group id, kind (null: no targets), targets, attachments. */
    private static final String COUNTS = """
            select g.workspace.id, g.id, t.kind, count(distinct t.id), count(a.id)
              from TargetGroup g left join Target t on t.group = g left join AttachmentEntry a on a.target = t
             where %s
             group by g.workspace.id, g.id, t.kind""";

    private final WorkspaceRepository workspaces;
    private final TargetGroupRepository groups;
    private final TenantScope scope;
    private final EntityManager em;

    /** The tenant's workspaces in name order, each with its counts: two queries whatever the size. */
    public TopologyOutline outline(String tenantFqn) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        List<Workspace> found = workspaces.findByTenantIdOrderByName(tenant.getId());
        Map<Long, Tally> byWorkspace = new HashMap<>();
        if (!found.isEmpty()) {
            counts("g.workspace.tenant.id = :id", tenant.getId())
                    .forEach(r -> byWorkspace.computeIfAbsent((Long) r[0], k -> new Tally()).add(r));
        }
        return new TopologyOutline(tenant.fqn(), found.stream().map(w -> byWorkspace.getOrDefault(w.getId(),
                new Tally()).outline(w.info())).toList());
    }

    /** One workspace's counts again (after a change in it); empty when it is gone. */
    public Optional<WorkspaceOutline> workspace(String tenantFqn, String name) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return workspaces.findByTenantIdAndName(tenant.getId(), name).map(w -> {
            Tally tally = new Tally();
            counts("g.workspace.id = :id", w.getId()).forEach(tally::add);
            return tally.outline(w.info());
        });
    }

    /** A workspace's groups (gateway groups first, then by name), each with its counts; empty when it is gone. */
    public List<GroupOutline> groups(String tenantFqn, String workspace) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        Optional<Workspace> found = workspaces.findByTenantIdAndName(tenant.getId(), workspace);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, TopologyCounts> byGroup = new HashMap<>();
        counts("g.workspace.id = :id", found.get().getId()).forEach(r -> byGroup.merge((Long) r[1], counts(r),
                TopologyCounts::plus));
        return groups.findByWorkspaceIdInOrderByKindAscNameAsc(List.of(found.get().getId())).stream()
                .map(g -> new GroupOutline(g.info(), byGroup.getOrDefault(g.getId(), TopologyCounts.NONE))).toList();
    }

    /**
     * Up to {@code limit} of the group's gateways or security settings from {@code offset}, in the order
     * the page lists them (kind, then name), with their attachments.
     */
    public List<StoredTarget> targets(GroupInfo group, int offset, int limit) {
        Tenant tenant = scope.visibleTenant(group.tenant());
        return em.createQuery("""
                        select t from Target t join t.group g join g.workspace w
                         where w.tenant.id = :tenant and w.name = :workspace and g.kind = :kind and g.name = :name
                         order by t.kind, t.name""", Target.class)
                .setParameter("tenant", tenant.getId()).setParameter("workspace", group.workspace())
                .setParameter("kind", group.kind()).setParameter("name", group.name())
                .setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(Target::stored).toList();
    }

    private List<Object[]> counts(String where, Long id) {
        return em.createQuery(COUNTS.formatted(where), Object[].class).setParameter("id", id).getResultList();
    }

    private static TopologyCounts counts(Object[] row) {
        TargetKind kind = (TargetKind) row[2];
        long targets = ((Number) row[3]).longValue();
        long attachments = ((Number) row[4]).longValue();
        if (kind == null) {
            return TopologyCounts.NONE;
        }
        return kind.isGateway() ? new TopologyCounts(targets, 0, attachments)
                : new TopologyCounts(0, targets, attachments);
    }

    /** Sums a workspace's rows: its distinct groups and their counts. */
    private static final class Tally {
        private final java.util.Set<Long> groupIds = new java.util.HashSet<>();
        private TopologyCounts counts = TopologyCounts.NONE;

        void add(Object[] row) {
            groupIds.add((Long) row[1]);
            counts = counts.plus(counts(row));
        }

        WorkspaceOutline outline(WorkspaceInfo info) {
            return new WorkspaceOutline(info, groupIds.size(), counts);
        }
    }
}
