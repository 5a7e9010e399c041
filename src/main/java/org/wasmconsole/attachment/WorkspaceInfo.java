package org.wasmconsole.attachment;

import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.Fqn;

/**
 * A workspace of a tenant: {@code <tenant FQN>/workspaces/<name>}.
 *
 * @param meta its labels and annotations; null in a save = leave the stored ones as they are (a screen
 *             that does not show them)
 */
public record WorkspaceInfo(String tenant, String name, String displayName, ObjectMeta meta) {

    public WorkspaceInfo(String tenant, String name, String displayName) {
        this(tenant, name, displayName, null);
    }

    public String fqn() {
        return Fqn.tenantOf(tenant).workspace(name).toString();
    }
}
