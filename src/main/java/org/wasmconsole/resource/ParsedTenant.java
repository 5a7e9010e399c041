package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * A Tenant document ({@code api.tsb.tetrate.io/v2}) read from YAML or JSON.
 *
 * @param displayName the display name, or null for none
 * @param meta        its labels and annotations
 * @param warnings    things accepted but worth telling (e.g. a description the console does not keep)
 */
public record ParsedTenant(SourceDocument source, String organization, String name, String displayName,
                           ObjectMeta meta, List<String> warnings) implements ParsedResource {

    @Override
    public String kind() {
        return TenantDocuments.KIND;
    }

    @Override
    public String fqn() {
        return organization == null || name == null ? null : TenantDocuments.fqn(organization, name);
    }
}
