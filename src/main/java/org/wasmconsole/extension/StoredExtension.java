package org.wasmconsole.extension;

import org.wasmconsole.security.Viewer;

import java.time.Instant;

/** An extension as stored: its definition plus the server-managed fields. */
public record StoredExtension(ExtensionDefinition definition, String etag, Instant createdAt, Instant updatedAt,
                              String updatedBy) {

    public String fqn() {
        return definition.fqn();
    }

    static StoredExtension of(WasmExtension e) {
        return new StoredExtension(e.toDefinition(), e.getEtag(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getUpdatedBy());
    }

    /** As this viewer may read it: an operator sees only their own tenants in allowedIn. */
    static StoredExtension of(WasmExtension e, Viewer viewer) {
        return new StoredExtension(e.toDefinition(viewer), e.getEtag(), e.getCreatedAt(), e.getUpdatedAt(),
                e.getUpdatedBy());
    }
}
