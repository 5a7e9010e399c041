package org.wasmconsole.attachment;

/**
 * Published by {@link TopologyService} and {@link AttachmentService} inside the transaction of
 * every write, after it (the audit trail records it there, or not at all).
 *
 * @param kindLabel what changed, as users call it: "Workspace", "Gateway group", "Ingress Gateway"…
 * @param fqn       its FQN
 * @param summary   one line: what changed ("attached wasm-auth, detached rate-limit")
 */
public record AttachmentChanged(Change change, String kindLabel, String organization, String fqn, String summary) {

    public enum Change {
        CREATED,
        UPDATED,
        DELETED,
        ATTACHED,
        DETACHED
    }
}
