package org.wasmconsole.user;

import java.time.Instant;
import java.util.Set;
import org.wasmconsole.security.Role;

/**
 * A console user as the rest of the application sees it: never the password hash.
 *
 * @param provider the OIDC provider's name for a user who signs in through it (no local password);
 *                 null for a local user
 */
public record UserInfo(String name, Role role, Set<Long> tenantIds, boolean enabled, Instant createdAt,
                       String provider) {

    /** A local user (password sign-in). */
    public UserInfo(String name, Role role, Set<Long> tenantIds, boolean enabled, Instant createdAt) {
        this(name, role, tenantIds, enabled, createdAt, null);
    }

    /** Whether this user signs in through the OIDC provider. */
    public boolean fromProvider() {
        return provider != null;
    }


    public UserInfo {
        tenantIds = Set.copyOf(tenantIds);
    }
}
