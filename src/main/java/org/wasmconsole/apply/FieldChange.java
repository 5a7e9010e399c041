package org.wasmconsole.apply;

/**
 * One field that an update changes.
 *
 * @param path   the field path in the document (e.g. {@code spec.vmConfig.env[1].value})
 * @param before the current value as compact JSON, or null when the field is absent now
 * @param after  the value after the change as compact JSON, or null when the change removes it
 */
public record FieldChange(String path, String before, String after) {
}
