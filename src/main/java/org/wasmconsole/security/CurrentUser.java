package org.wasmconsole.security;

import java.util.Set;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Tells services who is calling, so that every query can be scoped to what that user may see. */
@Component
public class CurrentUser {

    public Viewer viewer() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated()) {
            throw new AuthenticationCredentialsNotFoundException("not signed in");
        }
        boolean admin = auth.getAuthorities().stream().map(GrantedAuthority::getAuthority)
                .anyMatch(a -> a.equals("ROLE_" + Roles.ADMIN));
        Set<Long> tenants = switch (auth.getPrincipal()) {
            case ConsolePrincipal p -> p.getTenantIds();
            case ConsoleOidcUser o -> o.getTenantIds();
            default -> Set.of();
        };
        return new Viewer(auth.getName(), admin, tenants);
    }

    /** The user name for "changed by" columns; "system" for work done at start-up. */
    public String username() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null ? "system" : auth.getName();
    }
}
