package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import lombok.RequiredArgsConstructor;
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
@RequiredArgsConstructor
public class FilterChainService {

    private final EntityManager em;
    private final TenantScope scope;
    private final DefaultInheritance inheritance;
    private final DefaultSettingRepository settings;
    private final DefaultSettingService settingService;

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

    /**
     * The target with its group, workspace, tenant, attachments and their extensions in one query (the
     * extensions' env and allowed tenants follow in one batch each): four statements for a chain of 100
     * extensions where lookups level by level and the extensions in batches of 64 took eight
     * (docs/benchmarks.md, item 6).
     */
    private Target find(TargetRef ref) {
        var tenant = scope.visibleTenant(ref.tenant());
        return em.createQuery("""
                        select t from Target t join fetch t.group g join fetch g.workspace w join fetch w.tenant
                          left join fetch t.attachments a left join fetch a.extension
                         where w.tenant.id = :tenant and w.name = :workspace and g.kind = :groupKind
                           and g.name = :group and t.kind = :kind and t.name = :name
                         order by a.position""", Target.class)
                .setParameter("tenant", tenant.getId()).setParameter("workspace", ref.workspace())
                .setParameter("groupKind", ref.kind().groupKind()).setParameter("group", ref.group())
                .setParameter("kind", ref.kind()).setParameter("name", ref.name())
                .getResultStream().findFirst().orElseThrow(() -> new NotFoundException(
                        ref.kind().label().toLowerCase(java.util.Locale.ROOT) + " " + ref.fqn()));
    }
}
