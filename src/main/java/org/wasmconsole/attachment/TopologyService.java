package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.base.Fqn;

/**
 * A tenant's workspaces and their gateway and security groups: the places gateways and security
 * settings live in. Reads are scoped like tenants (an operator sees their own); writes are admins'.
 * Deleting a workspace or group deletes what is in it, attachments included, in one transaction.
 */
@Service
@Transactional
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class TopologyService {

    private final WorkspaceRepository workspaces;
    private final TargetGroupRepository groups;
    private final TargetRepository targets;
    private final DefaultSettingRepository settings;
    private final TenantScope scope;
    private final ApplicationEventPublisher events;

    /** Everything of the tenant, in name order: four queries whatever its size. */
    @Transactional(readOnly = true)
    public TenantTopology topology(String tenantFqn) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        List<Workspace> found = workspaces.findByTenantIdOrderByName(tenant.getId());
        List<TargetGroup> allGroups = found.isEmpty() ? List.of()
                : groups.findByWorkspaceIdInOrderByKindAscNameAsc(found.stream().map(Workspace::getId).toList());
        List<Target> allTargets = allGroups.isEmpty() ? List.of()
                : targets.findByGroupIdInOrderByKindAscNameAsc(allGroups.stream().map(TargetGroup::getId).toList());
        Map<Long, List<StoredTarget>> targetsByGroup = new LinkedHashMap<>();
        allTargets.forEach(t -> targetsByGroup.computeIfAbsent(t.getGroup().getId(), k -> new ArrayList<>())
                .add(t.stored()));
        Map<Long, List<TenantTopology.GroupNode>> groupsByWorkspace = new LinkedHashMap<>();
        allGroups.forEach(g -> groupsByWorkspace.computeIfAbsent(g.getWorkspace().getId(), k -> new ArrayList<>())
                .add(new TenantTopology.GroupNode(g.info(), targetsByGroup.getOrDefault(g.getId(), List.of()))));
        return new TenantTopology(tenant.fqn(), found.stream().map(w -> new TenantTopology.WorkspaceNode(w.info(),
                groupsByWorkspace.getOrDefault(w.getId(), List.of()))).toList());
    }

    @Transactional(readOnly = true)
    public List<WorkspaceInfo> workspaces(String tenantFqn) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return workspaces.findByTenantIdOrderByName(tenant.getId()).stream().map(Workspace::info).toList();
    }

    @Transactional(readOnly = true)
    public Optional<WorkspaceInfo> findWorkspace(String tenantFqn, String name) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return workspaces.findByTenantIdAndName(tenant.getId(), name).map(Workspace::info);
    }

    /** Creates the workspace, or changes the display name of an existing one. */
    @RolesAllowed(Roles.ADMIN)
    public WorkspaceInfo saveWorkspace(WorkspaceInfo workspace) {
        requireValid(workspace.name(), workspace.displayName(), workspace.meta());
        Tenant tenant = scope.visibleTenant(workspace.tenant());
        Optional<Workspace> existing = workspaces.findByTenantIdAndName(tenant.getId(), workspace.name());
        Workspace saved;
        if (existing.isPresent()) {
            saved = existing.get();
            saved.setDisplayName(workspace.displayName());
            saved.setMeta(workspace.meta());
            publish(AttachmentChanged.Change.UPDATED, "Workspace", tenant, saved.info().fqn(), "display name set");
        } else {
            Workspace created = new Workspace(tenant, workspace.name(), workspace.displayName());
            created.setMeta(workspace.meta());
            saved = insert(() -> workspaces.saveAndFlush(created), "workspace '" + workspace.name() + "'");
            publish(AttachmentChanged.Change.CREATED, "Workspace", tenant, saved.info().fqn(), "created");
        }
        return saved.info();
    }

    /** Deletes the workspace with its groups, their gateways and security settings and their attachments. */
    @RolesAllowed(Roles.ADMIN)
    public void deleteWorkspace(String tenantFqn, String name) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        Workspace workspace = workspaces.findByTenantIdAndName(tenant.getId(), name)
                .orElseThrow(() -> new NotFoundException("workspace " + Fqn.tenantOf(tenantFqn).workspace(name)));
        List<TargetGroup> inside = groups.findByWorkspaceIdInOrderByKindAscNameAsc(List.of(workspace.getId()));
        inside.forEach(this::deleteGroupContent);
        groups.deleteAll(inside);
        settings.deleteAll(settings.findByWorkspaceId(workspace.getId())); // its WorkspaceSettings
        settings.flush();
        workspaces.delete(workspace);
        workspaces.flush();
        publish(AttachmentChanged.Change.DELETED, "Workspace", tenant, workspace.info().fqn(),
                "deleted with " + inside.size() + (inside.size() == 1 ? " group" : " groups"));
    }

    @Transactional(readOnly = true)
    public List<GroupInfo> groups(String tenantFqn, String workspace) {
        Workspace found = workspaceEntity(tenantFqn, workspace);
        return groups.findByWorkspaceIdInOrderByKindAscNameAsc(List.of(found.getId())).stream()
                .map(TargetGroup::info).toList();
    }

    @Transactional(readOnly = true)
    public Optional<GroupInfo> findGroup(String tenantFqn, String workspace, GroupKind kind, String name) {
        Workspace found = workspaceEntity(tenantFqn, workspace);
        return groups.findByWorkspaceIdAndKindAndName(found.getId(), kind, name).map(TargetGroup::info);
    }

    /** Creates the group, or changes the display name of an existing one. The workspace must exist. */
    @RolesAllowed(Roles.ADMIN)
    public GroupInfo saveGroup(GroupInfo group) {
        requireValid(group.name(), group.displayName(), group.meta());
        Workspace workspace = workspaceEntity(group.tenant(), group.workspace());
        Tenant tenant = workspace.getTenant();
        Optional<TargetGroup> existing = groups.findByWorkspaceIdAndKindAndName(workspace.getId(), group.kind(),
                group.name());
        TargetGroup saved;
        if (existing.isPresent()) {
            saved = existing.get();
            saved.setDisplayName(group.displayName());
            saved.setMeta(group.meta());
            publish(AttachmentChanged.Change.UPDATED, group.kind().label(), tenant, group.fqn(), "display name set");
        } else {
            TargetGroup created = new TargetGroup(workspace, group.kind(), group.name(), group.displayName());
            created.setMeta(group.meta());
            saved = insert(() -> groups.saveAndFlush(created), group.kind().label().toLowerCase() + " '"
                    + group.name() + "'");
            publish(AttachmentChanged.Change.CREATED, group.kind().label(), tenant, group.fqn(), "created");
        }
        return saved.info();
    }

    /** Deletes the group with its gateways or security settings and their attachments. */
    @RolesAllowed(Roles.ADMIN)
    public void deleteGroup(String tenantFqn, String workspace, GroupKind kind, String name) {
        Workspace found = workspaceEntity(tenantFqn, workspace);
        TargetGroup group = groups.findByWorkspaceIdAndKindAndName(found.getId(), kind, name)
                .orElseThrow(() -> new NotFoundException(kind.label().toLowerCase() + " " + name));
        long count = targets.countByGroupId(group.getId());
        deleteGroupContent(group);
        groups.delete(group);
        groups.flush();
        publish(AttachmentChanged.Change.DELETED, kind.label(), found.getTenant(), group.info().fqn(),
                "deleted with " + count + (kind == GroupKind.GATEWAY ? " gateway(s)" : " security setting(s)"));
    }

    private void deleteGroupContent(TargetGroup group) {
        targets.deleteAll(targets.findByGroupIdInOrderByKindAscNameAsc(List.of(group.getId())));
        targets.flush();
    }

    Workspace workspaceEntity(String tenantFqn, String name) {
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return workspaces.findByTenantIdAndName(tenant.getId(), name)
                .orElseThrow(() -> new NotFoundException("workspace " + Fqn.tenantOf(tenantFqn).workspace(name)));
    }

    private static void requireValid(String name, String displayName, org.wasmconsole.base.ObjectMeta meta) {
        List<Violation> v = new ArrayList<>();
        Names.checkDnsLabel(name).ifPresent(m -> v.add(new Violation("metadata.name", m)));
        Names.checkDisplayName(displayName).ifPresent(m -> v.add(new Violation("spec.displayName", m)));
        if (meta != null) {
            v.addAll(meta.violations());
        }
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private static <T> T insert(java.util.function.Supplier<T> save, String what) {
        try {
            return save.get();
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException("metadata.name", what + " already exists");
        }
    }

    private void publish(AttachmentChanged.Change change, String kind, Tenant tenant, String fqn, String summary) {
        events.publishEvent(new AttachmentChanged(change, kind, tenant.getOrganizationName(), fqn, summary));
    }
}
