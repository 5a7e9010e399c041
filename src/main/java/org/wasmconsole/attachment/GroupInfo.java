package org.wasmconsole.attachment;

import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.base.Fqn;

/**
 * A gateway group or security group of a workspace.
 *
 * @param meta its labels and annotations; null in a save = leave the stored ones as they are (a screen
 *             that does not show them)
 */
public record GroupInfo(String tenant, String workspace, GroupKind kind, String name, String displayName,
                        ObjectMeta meta) {

    public GroupInfo(String tenant, String workspace, GroupKind kind, String name, String displayName) {
        this(tenant, workspace, kind, name, displayName, null);
    }

    public String fqn() {
        return Fqn.tenantOf(tenant).workspace(workspace).group(kind.pathSegment(), name).toString();
    }
}
