package org.wasmconsole.user;

import java.time.Instant;
import java.util.Set;
import org.wasmconsole.security.Role;

/** A console user as the rest of the application sees it: never the password hash. */
public record UserInfo(String name, Role role, Set<Long> tenantIds, boolean enabled, Instant createdAt) {

    public UserInfo {
        tenantIds = Set.copyOf(tenantIds);
    }
}
