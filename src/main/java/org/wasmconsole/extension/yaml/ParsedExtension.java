package org.wasmconsole.extension.yaml;

import java.util.List;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * A WasmExtension document read from YAML.
 *
 * @param etag     the etag the document carries ({@code spec.etag} or {@code metadata.resourceVersion}), or null
 * @param warnings things accepted but worth telling (e.g. the deprecated {@code image} field)
 */
public record ParsedExtension(SourceDocument source, ExtensionDefinition definition, String etag,
                              List<String> warnings) {

    public String kind() {
        return ExtensionDocuments.KIND;
    }

    /** The extension's fqn when the document names its organization and name, else null (for reports). */
    public String fqn() {
        return definition.organization() == null || definition.name() == null ? null : definition.fqn();
    }

    /** The line to point at for a violation of the given field path. */
    public int lineOf(String path) {
        return source.lineOf(path);
    }
}
