package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.security.Roles;

/**
 * The filter chain of a gateway or security setting ({@link FilterChain}): every extension that runs
 * there, in order, with where it comes from and its effective config, mode and ports. Read by whoever
 * may read the target (operators: their own tenants).
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
public class FilterChainService {

    private final TargetRepository targets;
    private final TargetGroupRepository groups;
    private final WorkspaceRepository workspaces;
    private final TenantScope scope;
    private final DefaultInheritance inheritance;
    private final DefaultSettingRepository settings;
    private final DefaultSettingService settingService;

    FilterChainService(TargetRepository targets, TargetGroupRepository groups, WorkspaceRepository workspaces,
                       TenantScope scope, DefaultInheritance inheritance, DefaultSettingRepository settings,
                       DefaultSettingService settingService) {
        this.inheritance = inheritance;
        this.settings = settings;
        this.settingService = settingService;
        this.targets = targets;
        this.groups = groups;
        this.workspaces = workspaces;
        this.scope = scope;
    }

    /**
     * A gateway's own attachments; a security setting's own and those its organization, tenant and
     * workspace defaults pass down to it ({@link DefaultInheritance}).
     */
    public FilterChain of(TargetRef ref) {
        Target target = find(ref);
        return FilterChain.of(target.gatewayTarget(), inheritance.entriesOf(target));
    }

    /**
     * A default setting's chain: what runs on the workloads under it that no lower level replaces it for
     * (those without a security group of their own, in TSB's words), its own attachments and what a
     * STRICTER level above keeps. The WasmPlugin names are those of a plugin for the setting itself.
     */
    public FilterChain of(SettingRef ref) {
        settingService.get(ref); // 404 for what the caller may not see
        DefaultSetting setting = settings.findByOwnerFqnAndName(ref.ownerFqn(), ref.name()).orElseThrow();
        GatewayTarget at = new GatewayTarget(TargetKind.SECURITY_SETTING,
                ref.tenantFqn() == null ? "organizations/" + ref.organization() : ref.tenantFqn(),
                ref.workspace() == null ? "-" : ref.workspace(), ref.level().name().toLowerCase(java.util.Locale.ROOT),
                ref.name(), null, java.util.Map.of());
        return FilterChain.of(at, inheritance.entriesOf(setting));
    }

    private Target find(TargetRef ref) {
        var tenant = scope.visibleTenant(ref.tenant());
        NotFoundException missing = new NotFoundException(ref.kind().label().toLowerCase(java.util.Locale.ROOT)
                + " " + ref.fqn());
        Workspace workspace = workspaces.findByTenantIdAndName(tenant.getId(), ref.workspace())
                .orElseThrow(() -> missing);
        TargetGroup group = groups.findByWorkspaceIdAndKindAndName(workspace.getId(), ref.kind().groupKind(),
                ref.group()).orElseThrow(() -> missing);
        return targets.findByGroupIdAndKindAndName(group.getId(), ref.kind(), ref.name()).orElseThrow(() -> missing);
    }
}
