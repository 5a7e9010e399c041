package org.wasmconsole.extension;

import org.wasmconsole.security.Viewer;

import java.time.Instant;
import java.util.List;
import org.wasmconsole.tenant.Tenant;

/** One row of the catalogue: what a list shows, without the long description or the config. */
public record ExtensionSummary(String organization, String name, String displayName, PluginPhase phase,
                               int priority, PullPolicy imagePullPolicy, PullPolicy effectivePullPolicy, String url,
                               List<String> allowedTenants, Instant updatedAt, String updatedBy) {

    public String fqn() {
        return ExtensionDefinition.fqn(organization, name);
    }

    static ExtensionSummary of(WasmExtension e, Viewer viewer) {
        return new ExtensionSummary(e.getOrganizationName(), e.getName(), e.getDisplayName(), e.getPhase(),
                e.getPriority(), e.getImagePullPolicy(), e.getEffectivePullPolicy(), e.getUrl(),
                e.allowedTenantsFor(viewer).stream().map(Tenant::getName).toList(), e.getUpdatedAt(), e.getUpdatedBy());
    }
}
