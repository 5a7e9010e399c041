package org.wasmconsole.extension;

import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Published inside the transaction of a config schema change, before it is written. The features
 * that keep configs of this extension (attachments' overrides) listen synchronously and add to
 * {@code invalid} each of theirs that the new schema would refuse, as "where, path: message"; the
 * change is then refused listing them, like an {@code allowedIn} that leaves attachments behind.
 * Keeps this package free of any dependency on those features.
 *
 * @param extensionId the stored extension's id
 * @param schema      the new schema; null when it is being removed (which invalidates nothing)
 * @param invalid     where listeners add what the schema would make invalid
 */
public record ConfigSchemaChanging(long extensionId, String extensionFqn, JsonNode schema, List<String> invalid) {
}
