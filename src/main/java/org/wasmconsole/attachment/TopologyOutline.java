package org.wasmconsole.attachment;

import java.util.List;

/**
 * A tenant's workspaces with what each holds, counted (one aggregate query): what the tenant page
 * shows before a workspace unfolds, whatever the tenant's size.
 */
public record TopologyOutline(String tenant, List<WorkspaceOutline> workspaces) {

    /** A workspace with the number of its groups and what they hold. */
    public record WorkspaceOutline(WorkspaceInfo workspace, long groups, TopologyCounts counts) {
    }

    /** A gateway or security group with what it holds. */
    public record GroupOutline(GroupInfo group, TopologyCounts counts) {
    }

    public long groups() {
        return workspaces.stream().mapToLong(WorkspaceOutline::groups).sum();
    }

    public TopologyCounts counts() {
        return workspaces.stream().map(WorkspaceOutline::counts).reduce(TopologyCounts.NONE, TopologyCounts::plus);
    }
}
