package org.wasmconsole.resource;

import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.yaml.ParsedExtension;

/** A WasmExtension document of an apply stream, read by the extension module's codec. */
public record ExtensionResource(ParsedExtension extension) implements ParsedResource {

    @Override
    public SourceDocument source() {
        return extension.source();
    }

    @Override
    public String kind() {
        return extension.kind();
    }

    @Override
    public String fqn() {
        return extension.fqn();
    }
}
