package org.wasmconsole.extension;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import lombok.RequiredArgsConstructor;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDeleting;

/**
 * Keeps extensions from pointing at a deleted tenant: when a tenant is about to be deleted, removes
 * it from every extension's {@code allowedIn}, in the delete's own transaction.
 *
 * <p>An extension whose only allowed tenant is the one being deleted would, with an empty
 * {@code allowedIn}, silently become available to <em>every</em> tenant. The delete is then
 * refused, naming those extensions: the admin assigns them to another tenant, or deletes them,
 * first. Nothing is changed by a refused delete.
 */
@Component
@RequiredArgsConstructor
class TenantRemoval {

    private final WasmExtensionRepository repository;
    private final CurrentUser currentUser;
    private final ApplicationEventPublisher events;

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void tenantDeleting(TenantDeleting event) {
        long tenantId = event.tenant().id();
        String organization = event.tenant().organization();
        List<WasmExtension> naming = repository.findAll(TenantAssignment.ASSIGNED.specification(tenantId)
                .and((root, query, cb) -> cb.equal(root.get("organizationName"), organization)),
                ExtensionQueries.PROXY_ORDER);
        List<String> onlyTenant = naming.stream().filter(e -> e.getAllowedTenants().size() == 1)
                .map(WasmExtension::getName).toList();
        if (!onlyTenant.isEmpty()) {
            throw new ConflictException("metadata.name", onlyTenantMessage(event.tenant().name(), onlyTenant));
        }
        String user = currentUser.username();
        List<ExtensionChanged> changes = new ArrayList<>();
        for (WasmExtension extension : naming) {
            List<Tenant> remaining = new ArrayList<>(extension.getAllowedTenants());
            remaining.removeIf(t -> t.getId().equals(tenantId));
            ExtensionDefinition before = extension.toDefinition();
            ExtensionDefinition changed = before.toBuilder()
                    .allowedIn(remaining.stream().map(Tenant::fqn).toList()).build();
            extension.apply(changed, remaining, user);
            changes.add(new ExtensionChanged(ExtensionChanged.Change.TENANT_REMOVED, before, extension.toDefinition(),
                    extension.getEtag(), "tenant '" + event.tenant().name() + "' was deleted"));
        }
        repository.flush();
        // In the delete's transaction: the audit trail records each edit with it, or not at all.
        changes.forEach(events::publishEvent);
    }

    static String onlyTenantMessage(String tenant, List<String> extensions) {
        return "tenant '" + tenant + "' cannot be deleted: it is the only tenant allowed to use "
                + (extensions.size() == 1 ? "extension " : "extensions ")
                + extensions.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "))
                + ", which would become available to all tenants; assign them to another tenant or delete them first";
    }
}
