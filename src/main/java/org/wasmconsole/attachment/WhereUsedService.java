package org.wasmconsole.attachment;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.EntityManager;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.WasmExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;

/**
 * "Where used" of an extension at any size (issue #23, item 6): how many attachments each tenant's
 * workspaces hold, from one aggregate query, and a workspace's attachments a page at a time.
 * {@link AttachmentService#whereUsed} reads every usage at once (the REST API and the delete and
 * narrowing guards need them all); a screen asks for what it shows. Same scope as that method: an
 * operator counts and reads the attachments in their own tenants only, and an extension the caller
 * may not see is not found.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@RequiredArgsConstructor
public class WhereUsedService {

    /** The attachments of an extension in one workspace of a tenant. */
    public record UsageGroup(String tenantFqn, String workspace, long attachments) {

        public String tenantName() {
            return Fqn.nameOf(tenantFqn);
        }
    }

    private final TenantScope scope;
    private final EntityManager em;

    /** Per tenant and workspace (in name order), how many of its gateways and security settings attach the extension. */
    public List<UsageGroup> groups(String extensionFqn) {
        WasmExtension extension = ExtensionLookup.visible(em, scope, extensionFqn);
        return em.createQuery("""
                        select n.id, n.organizationName, n.name, w.name, count(a)
                          from AttachmentEntry a join a.target t join t.group g join g.workspace w join w.tenant n
                         where a.extension.id = :extension
                         group by n.id, n.organizationName, n.name, w.name
                         order by n.name, w.name""", Object[].class)
                .setParameter("extension", extension.getId()).getResultList().stream()
                .filter(r -> scope.canSee((Long) r[0]))
                .map(r -> new UsageGroup(Fqn.tenant((String) r[1], (String) r[2]).toString(), (String) r[3],
                        ((Number) r[4]).longValue()))
                .toList();
    }

    /**
     * Up to {@code limit} of the extension's attachments in the workspace from {@code offset}, in the
     * order {@link AttachmentService#whereUsed} lists them (group, then target kind and name).
     */
    public List<Usage> page(String extensionFqn, String tenantFqn, String workspace, int offset, int limit) {
        WasmExtension extension = ExtensionLookup.visible(em, scope, extensionFqn);
        Tenant tenant = scope.visibleTenant(tenantFqn);
        return em.createQuery("""
                        select a from AttachmentEntry a join fetch a.target t join fetch t.group g
                          join fetch g.workspace w join fetch w.tenant n join fetch a.extension
                         where a.extension.id = :extension and n.id = :tenant and w.name = :workspace
                         order by g.kind, g.name, t.kind, t.name, a.position""", AttachmentEntry.class)
                .setParameter("extension", extension.getId()).setParameter("tenant", tenant.getId())
                .setParameter("workspace", workspace).setFirstResult(offset).setMaxResults(limit)
                .getResultList().stream().map(AttachmentEntry::usage).toList();
    }
}
