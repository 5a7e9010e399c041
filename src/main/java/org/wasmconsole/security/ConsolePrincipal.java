package org.wasmconsole.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/** The signed-in user as Spring Security holds it, with the operator's tenants. */
public class ConsolePrincipal extends User {

    private final Role role;
    private final Set<Long> tenantIds;

    ConsolePrincipal(ConsoleUser user) {
        this(user, true);
    }

    /** {@code accountNonLocked} false makes Spring Security refuse sign-in with a LockedException. */
    ConsolePrincipal(ConsoleUser user, boolean accountNonLocked) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())));
        this.role = user.getRole();
        this.tenantIds = user.getTenantIds();
    }

    public Role getRole() {
        return role;
    }

    public Set<Long> getTenantIds() {
        return tenantIds;
    }
}
