package org.wasmconsole.attachment;

import java.time.Instant;

/** A saved default setting: its definition and the etag to send back with a change. */
public record StoredSetting(DefaultSettingDefinition definition, String etag, Instant updatedAt, String updatedBy) {

    public SettingRef ref() {
        return definition.ref();
    }
}
