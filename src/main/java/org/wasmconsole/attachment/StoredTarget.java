package org.wasmconsole.attachment;

import java.time.Instant;

/** A saved gateway or security setting: its definition and the etag to send back with a change. */
public record StoredTarget(TargetDefinition definition, String etag, Instant updatedAt, String updatedBy) {

    public TargetRef ref() {
        return definition.ref();
    }
}
