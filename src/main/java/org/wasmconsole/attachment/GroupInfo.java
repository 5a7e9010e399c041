package org.wasmconsole.attachment;

/** A gateway group or security group of a workspace. */
public record GroupInfo(String tenant, String workspace, GroupKind kind, String name, String displayName) {

    public String fqn() {
        return tenant + "/workspaces/" + workspace + "/" + kind.pathSegment() + "/" + name;
    }
}
