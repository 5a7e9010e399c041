package org.wasmconsole.extension;

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
}
