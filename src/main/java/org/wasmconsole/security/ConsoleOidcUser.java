package org.wasmconsole.security;

import java.util.List;
import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A user signed in through the OIDC provider: the provider's tokens and claims (kept for the logout
 * at the provider), with the console's name, role and tenants as the mapping rules gave them.
 */
public class ConsoleOidcUser extends DefaultOidcUser {

    private final String consoleName;
    private final String providerName;
    private final Role role;
    private final Set<Long> tenantIds;

    ConsoleOidcUser(OidcUser oidc, String consoleName, String providerName, Role role, Set<Long> tenantIds) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + role.name())), oidc.getIdToken(), oidc.getUserInfo());
        this.consoleName = consoleName;
        this.providerName = providerName;
        this.role = role;
        this.tenantIds = Set.copyOf(tenantIds);
    }

    /** The console's name of this user ({@code <username>@<provider-id>}), as "changed by" columns show it. */
    @Override
    public String getName() {
        return consoleName;
    }

    public String getProviderName() {
        return providerName;
    }

    public Role getRole() {
        return role;
    }

    public Set<Long> getTenantIds() {
        return tenantIds;
    }
}
