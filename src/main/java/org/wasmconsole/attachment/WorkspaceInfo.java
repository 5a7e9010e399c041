package org.wasmconsole.attachment;

/** A workspace of a tenant: {@code <tenant FQN>/workspaces/<name>}. */
public record WorkspaceInfo(String tenant, String name, String displayName) {

    public String fqn() {
        return tenant + "/workspaces/" + name;
    }
}
