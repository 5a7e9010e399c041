package org.wasmconsole.extension;

/**
 * What to do with an extension's attachments that a change would leave invalid (the extension is
 * deleted, or its {@code allowedIn} no longer allows the tenant they are in): spec §4, §5.
 */
public enum InUse {
    /** Refuse the change, naming where the extension is attached; nothing is changed. */
    REFUSE,
    /** Detach the extension from those places in the same transaction as the change. */
    DETACH
}
