package org.wasmconsole.user;

import java.time.Instant;
import org.wasmconsole.security.Role;

/** One row of the user list as read from the database, before its tenants are added. */
record UserRow(Long id, String username, Role role, boolean enabled, Instant createdAt, String providerName) {
}
