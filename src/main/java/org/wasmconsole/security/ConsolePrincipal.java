package org.wasmconsole.security;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;

/**
 * The signed-in user as Spring Security holds it, with the operator's tenants, and the user row's id
 * and security stamp as read with the password at sign-in ({@link SecurityStamps}).
 */
public class ConsolePrincipal extends User {

    private final Role role;
    private final Set<Long> tenantIds;
    private final Long userId;
    private final long securityStamp;

    ConsolePrincipal(ConsoleUser user) {
        this(user, true);
    }

    /** {@code accountNonLocked} false makes Spring Security refuse sign-in with a LockedException. */
    ConsolePrincipal(ConsoleUser user, boolean accountNonLocked) {
        super(user.getUsername(), user.getPasswordHash(), user.isEnabled(), true, true, accountNonLocked,
                List.of(new SimpleGrantedAuthority("ROLE_" + user.getRole().name())));
        this.role = user.getRole();
        this.tenantIds = user.getTenantIds();
        this.userId = user.getId();
        this.securityStamp = user.getSecurityStamp();
    }

    private ConsolePrincipal(ConsolePrincipal signedIn, long securityStamp) {
        super(signedIn.getUsername(), signedIn.getPassword() == null ? "" : signedIn.getPassword(),
                signedIn.isEnabled(), true, true, true, (Collection<? extends GrantedAuthority>) signedIn.getAuthorities());
        this.role = signedIn.role;
        this.tenantIds = signedIn.tenantIds;
        this.userId = signedIn.userId;
        this.securityStamp = securityStamp;
    }

    /** The same signed-in user with a newer stamp: a change of their own that leaves what they may do as it was. */
    public ConsolePrincipal withSecurityStamp(long stamp) {
        return new ConsolePrincipal(this, stamp);
    }

    public Role getRole() {
        return role;
    }

    public Set<Long> getTenantIds() {
        return tenantIds;
    }

    /** The id of the user row signed in as: a user deleted and created again under the same name has another. */
    public Long getUserId() {
        return userId;
    }

    public long getSecurityStamp() {
        return securityStamp;
    }
}
