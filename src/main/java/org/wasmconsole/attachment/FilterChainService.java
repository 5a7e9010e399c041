package org.wasmconsole.attachment;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.wasmconsole.extension.ExtensionDefinition;
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

    FilterChainService(TargetRepository targets, TargetGroupRepository groups, WorkspaceRepository workspaces,
                       TenantScope scope) {
        this.targets = targets;
        this.groups = groups;
        this.workspaces = workspaces;
        this.scope = scope;
    }

    public FilterChain of(TargetRef ref) {
        Target target = find(ref);
        Map<String, ExtensionDefinition> attached = new HashMap<>();
        target.getAttachments().forEach(a -> attached.put(a.attachment().fqn(), a.getExtension().toDefinition()));
        return FilterChain.at(target.definition(), fqn -> Optional.ofNullable(attached.get(fqn)));
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
