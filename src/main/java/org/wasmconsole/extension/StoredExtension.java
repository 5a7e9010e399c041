package org.wasmconsole.extension;

import java.time.Instant;
import org.wasmconsole.security.Viewer;
import tools.jackson.databind.JsonNode;

/**
 * An extension as stored: its definition plus the server-managed fields.
 *
 * @param configSchema the config schema (JSON Schema 2020-12) that its configs must satisfy, or null for none;
 *                     kept beside the TSB document, not in it
 */
public record StoredExtension(ExtensionDefinition definition, String etag, Instant createdAt, Instant updatedAt,
                              String updatedBy, JsonNode configSchema) {

    public StoredExtension(ExtensionDefinition definition, String etag, Instant createdAt, Instant updatedAt,
                           String updatedBy) {
        this(definition, etag, createdAt, updatedAt, updatedBy, null);
    }

    public String fqn() {
        return definition.fqn();
    }

    static StoredExtension of(WasmExtension e) {
        return new StoredExtension(e.toDefinition(), e.getEtag(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getUpdatedBy(), e.getConfigSchema());
    }

    /** As this viewer may read it: an operator sees only their own tenants in allowedIn. */
    static StoredExtension of(WasmExtension e, Viewer viewer) {
        return new StoredExtension(e.toDefinition(viewer), e.getEtag(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getUpdatedBy(), e.getConfigSchema());
    }
}
