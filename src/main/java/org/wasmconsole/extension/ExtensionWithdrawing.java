package org.wasmconsole.extension;

/**
 * Published inside the transaction of a delete or an {@code allowedIn} change, before it is written,
 * while the extension still exists. The features that use extensions (attachments) listen
 * synchronously: they find what the change leaves invalid and, as {@code inUse} says, refuse by
 * throwing (which rolls the change back) or drop those uses in the same transaction. Keeps this
 * package free of any dependency on the features built on it, as {@code TenantDeleting} does.
 *
 * @param extensionId the stored extension's id
 * @param before      the extension as it is
 * @param after       the extension as it will be; null when it is being deleted
 */
public record ExtensionWithdrawing(long extensionId, ExtensionDefinition before, ExtensionDefinition after,
                                   InUse inUse) {

    public boolean deleting() {
        return after == null;
    }
}
