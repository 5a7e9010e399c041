package org.wasmconsole.user;

/**
 * Published by {@link UserService} inside the transaction of every write that changed something,
 * after the write. Listeners run synchronously in that transaction. Never carries a password or
 * its hash.
 *
 * @param username the user changed
 * @param detail   what changed, in words (the role and tenants before and after, ...)
 */
public record UserChanged(Change change, String username, String detail) {

    public enum Change { CREATED, ROLE_CHANGED, PASSWORD_RESET, ENABLED, DISABLED, DELETED, UNLOCKED }
}
