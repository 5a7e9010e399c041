package org.wasmconsole.security;

/**
 * Published (after commit) when a user was disabled or deleted, their role or tenants changed or their
 * password was reset: what their open sessions hold is out of date, so those sessions are ended, on this
 * instance at once (security.ui.UserSessions), on the others by the raised security stamp
 * ({@link SecurityStamps}).
 */
public record UserAccessRevoked(String username) {
}
