package org.wasmconsole.extension;

/**
 * Published by the extension services inside the transaction of every write, after the write has
 * been flushed, once per extension changed. Listeners run synchronously in that transaction (the
 * audit trail records it there): a listener that throws rolls the change back, and a change that
 * fails later takes what the listeners wrote with it. Keeps this package free of any dependency on
 * the features that listen.
 *
 * @param before the extension before the change; null for {@link Change#CREATED}
 * @param after  the extension after the change; null for {@link Change#DELETED}
 * @param etag   the etag the change produced; null for {@link Change#DELETED}
 * @param note   a short explanation beyond the change itself (bulk delete, the tenant assigned), or null
 */
public record ExtensionChanged(Change change, ExtensionDefinition before, ExtensionDefinition after, String etag,
                               String note) {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED,
        /** A tenant was added to allowedIn (tenant page). */
        ASSIGNED,
        /** A tenant was removed from allowedIn (tenant page). */
        UNASSIGNED,
        /** A deleted tenant was removed from allowedIn (TenantRemoval). */
        TENANT_REMOVED,
        /** The config schema was set, changed or removed (ConfigSchemaService); the note says which. */
        CONFIG_SCHEMA
    }

    public String organization() {
        return (after != null ? after : before).organization();
    }

    public String name() {
        return (after != null ? after : before).name();
    }

    public String fqn() {
        return ExtensionDefinition.fqn(organization(), name());
    }
}
