package org.wasmconsole.security;

/**
 * Published (after commit) when a user was disabled, or their role or tenants changed: what their
 * open sessions hold is out of date, so those sessions are ended (security.ui.UserSessions).
 */
public record UserAccessRevoked(String username) {
}
