package org.wasmconsole.user;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.security.ConsoleUser;
import org.wasmconsole.security.ConsoleUserRepository;
import org.wasmconsole.security.OidcAccessRules;
import org.wasmconsole.security.OidcAccounts;
import org.wasmconsole.security.OidcSignInRefused;
import org.wasmconsole.security.Role;

/**
 * The console accounts of people who sign in through the OIDC provider, created at their first
 * sign-in and brought up to date at every one: role and tenants are recomputed from the groups claim
 * by the mapping rules ({@link OidcAccessRules}); no matching rule, a disabled account or an unusable
 * name refuse the sign-in ({@link Refused}).
 *
 * <p>An account is bound to the provider's issuer and subject. Its name is the username claim plus
 * {@code @<provider-id>}: local names are DNS labels (no "@"), so a provider account can never take
 * over a local one of the same name, and the name shows where the person comes from.
 */
@Service
@Transactional
@RequiredArgsConstructor
class OidcUsers implements OidcAccounts {

    private final UserAdminRepository admin;
    private final ConsoleUserRepository users;
    private final ObjectProvider<OidcAccessRules> rules;
    private final ApplicationEventPublisher events;

    @Override
    public SignedIn signIn(Identity who) {
        String name = who.consoleName();
        if (who.username() == null || who.username().isBlank() || who.username().chars().anyMatch(Character::isISOControl)) {
            throw refuse(who, name, "the provider sent no usable user name (claim missing or empty); ask your"
                    + " identity provider's admins to release it to the console");
        }
        if (name.length() > MAX_NAME) {
            throw refuse(who, name, "the user name '" + name + "' is longer than " + MAX_NAME + " characters");
        }
        Optional<OidcAccessRules.Access> access = rules.getIfAvailable(() -> groups -> Optional.empty())
                .accessFor(who.groups());
        if (access.isEmpty()) {
            throw refuse(who, name, "none of your groups (" + (who.groups().isEmpty() ? "none sent"
                    : String.join(", ", who.groups().stream().sorted().toList()))
                    + ") gives access to this console; ask a platform admin to add a group mapping");
        }
        Role role = access.get().role();
        Set<Long> tenants = role == Role.PLATFORM_ADMIN ? Set.of() : access.get().tenantIds();
        String because = " (groups " + String.join(", ", access.get().matchedGroups()) + ")";
        Optional<ConsoleUser> existing = admin.findByIssuerAndSubject(who.issuer(), who.subject());
        if (existing.isEmpty()) {
            if (admin.findByUsername(name).isPresent()) {
                throw refuse(who, name, "the name '" + name + "' belongs to another account; ask a platform admin"
                        + " to delete or rename that account");
            }
            users.saveAndFlush(ConsoleUser.ofProvider(name, who.issuer(), who.subject(), who.providerName(), role,
                    tenants));
            audited(name, () -> events.publishEvent(new UserChanged(UserChanged.Change.CREATED, name,
                    "first sign-in with " + who.describe() + ": " + describe(role, tenants) + because)));
            return new SignedIn(name, role, tenants);
        }
        ConsoleUser user = existing.get();
        if (!user.isEnabled()) {
            throw refuse(who, user.getUsername(), "the account '" + user.getUsername() + "' is disabled;"
                    + " ask a platform admin");
        }
        if (user.getRole() != role || !user.getTenantIds().equals(tenants)) {
            String before = describe(user.getRole(), user.getTenantIds());
            admin.updateRole(user.getUsername(), role);
            admin.deleteTenants(user.getId());
            tenants.forEach(t -> admin.insertTenant(user.getId(), t));
            audited(user.getUsername(), () -> events.publishEvent(new UserChanged(UserChanged.Change.ROLE_CHANGED,
                    user.getUsername(), "at sign-in with " + who.describe() + ": " + before + " \u2192 "
                    + describe(role, tenants) + because)));
        }
        return new SignedIn(user.getUsername(), role, tenants);
    }

    private Refused refuse(Identity who, String name, String why) {
        events.publishEvent(new OidcSignInRefused(name.length() > MAX_NAME ? who.subject() : name,
                "sign-in with " + who.describe() + " refused: " + why));
        return new Refused("Signed in at " + who.providerName() + ", but the console refused you: " + why + ".");
    }

    private String describe(Role role, Set<Long> tenantIds) {
        return tenantIds.isEmpty() ? role.name() : role.name() + " of " + String.join(", ", admin.tenantNames(tenantIds));
    }

    /** Audit records of a sign-in's changes name the person signing in (there is no one else yet). */
    private static void audited(String name, Runnable publish) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(name, null,
                List.of(new SimpleGrantedAuthority("ROLE_OIDC_SIGN_IN"))));
        SecurityContextHolder.setContext(context);
        try {
            publish.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
