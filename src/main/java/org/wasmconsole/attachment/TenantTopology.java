package org.wasmconsole.attachment;

import java.util.List;

/** A tenant's workspaces, their groups and the gateways and security settings in each, in name order. */
public record TenantTopology(String tenant, List<WorkspaceNode> workspaces) {

    public record WorkspaceNode(WorkspaceInfo workspace, List<GroupNode> groups) {
    }

    public record GroupNode(GroupInfo group, List<StoredTarget> targets) {
    }

    public int targetCount() {
        return workspaces.stream().flatMap(w -> w.groups().stream()).mapToInt(g -> g.targets().size()).sum();
    }

    public int attachmentCount() {
        return workspaces.stream().flatMap(w -> w.groups().stream()).flatMap(g -> g.targets().stream())
                .mapToInt(t -> t.definition().attachments().size()).sum();
    }
}
