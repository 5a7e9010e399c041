package org.wasmconsole.audit;

/**
 * One audit record with its documents.
 *
 * @param before the WasmExtension document before the change (null for a create or a record without documents)
 * @param after  the document after the change (null for a delete or a record without documents)
 * @param etag   the etag the change produced, or null
 */
public record AuditDetails(AuditEntry entry, String before, String after, String etag) {

    /** The version of the extension this record stands for: the document after it, or for a delete the one before. */
    public String version() {
        return after != null ? after : before;
    }
}
