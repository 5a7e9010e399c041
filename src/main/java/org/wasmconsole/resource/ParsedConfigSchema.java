package org.wasmconsole.resource;

import java.util.List;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.ExtensionDefinition;
import tools.jackson.databind.JsonNode;

/**
 * An {@code ExtensionConfigSchema} document read from YAML or JSON: the config schema of the
 * extension it names (issue #19).
 *
 * @param schema   {@code spec.schema}: a mapping (checked as JSON Schema by the service)
 * @param warnings things accepted but worth telling
 */
public record ParsedConfigSchema(SourceDocument source, String organization, String name, JsonNode schema,
                                 List<String> warnings) implements ParsedResource {

    @Override
    public String kind() {
        return ConfigSchemaDocuments.KIND;
    }

    /** The extension's fqn with a suffix, so that a stream may carry an extension and its schema. */
    @Override
    public String fqn() {
        return extensionFqn() == null ? null : extensionFqn() + "/configschema";
    }

    public String extensionFqn() {
        return organization == null || name == null ? null : ExtensionDefinition.fqn(organization, name);
    }
}
