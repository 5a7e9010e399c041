package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * An OrganizationSetting, TenantSetting or WorkspaceSetting document read from YAML or JSON.
 *
 * @param etag the etag the document carries ({@code spec.etag} or {@code metadata.resourceVersion}), or null
 */
public record ParsedSetting(SourceDocument source, DefaultSettingDefinition definition, String etag,
                            List<String> warnings) implements ParsedResource {

    @Override
    public String kind() {
        return definition.ref().level().documentKind();
    }

    @Override
    public String fqn() {
        return definition.fqn();
    }
}
