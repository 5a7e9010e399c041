package org.wasmconsole.security;

import java.time.Instant;
import java.util.Set;

/** A console user as the rest of the application sees it: never the password hash. */
public record UserInfo(String name, Role role, Set<Long> tenantIds, boolean enabled, Instant createdAt) {

    public UserInfo {
        tenantIds = Set.copyOf(tenantIds);
    }
}
