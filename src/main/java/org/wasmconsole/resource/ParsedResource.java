package org.wasmconsole.resource;

import org.wasmconsole.base.yaml.SourceDocument;

/**
 * One document of an apply stream, read as far as its kind allows: a WasmExtension, its config schema, a Tenant, a
 * Workspace, a Group, a gateway or security setting, or a document whose shape is wrong (its
 * problems say where).
 */
public sealed interface ParsedResource permits ExtensionResource, ParsedConfigSchema, ParsedTenant, ParsedWorkspace, ParsedGroup,
        ParsedTarget, ParsedSetting, InvalidDocument {

    SourceDocument source();

    /** The document's kind as written, or null when it has none. */
    String kind();

    /** The resource's fqn when the document names it, else null (for reports). */
    String fqn();
}
