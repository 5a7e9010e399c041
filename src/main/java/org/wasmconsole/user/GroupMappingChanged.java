package org.wasmconsole.user;

/**
 * Published by {@link GroupMappingService} inside the transaction of every write that changed a rule
 * (the audit trail records it there).
 *
 * @param group  the rule's group
 * @param detail what changed, in words
 */
public record GroupMappingChanged(Change change, String group, String detail) {

    public enum Change { CREATED, UPDATED, DELETED }
}
