package org.wasmconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.security.OidcAccounts;
import org.wasmconsole.security.OidcSignInRefused;
import org.wasmconsole.security.Role;

/**
 * The accounts of OIDC sign-in: created at the first sign-in, re-evaluated at every one from the
 * current groups and rules, refused without a rule or when disabled, never a local account's name,
 * never a local password.
 */
@ConsoleTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OidcUsersTest {

    static final String ISSUER = "https://idp.example/realms/oidc-users-test";

    @Autowired
    OidcUsers oidcUsers;
    @Autowired
    UserService users;
    @Autowired
    GroupMappingService mappings;
    @Autowired
    TenantService tenants;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApplicationEvents events;

    long payments;
    String admins = "out-admins-" + UUID.randomUUID().toString().substring(0, 6);
    String ops = "out-ops-" + UUID.randomUUID().toString().substring(0, 6);

    @BeforeAll
    void rules() {
        asSystem(() -> {
            payments = tenants.list("tse").stream().filter(t -> t.name().equals("payments")).findFirst()
                    .orElseThrow().id();
            mappings.create(admins, Role.PLATFORM_ADMIN, Set.of());
            mappings.create(ops, Role.TENANT_OPERATOR, Set.of(payments));
        });
    }

    private static OidcAccounts.Identity who(String subject, String username, List<String> groups) {
        return new OidcAccounts.Identity(ISSUER, subject, "sso", "Test IdP", username, groups);
    }

    @Test
    void theFirstSignInCreatesTheAccountAndEachNextOneRecomputesRoleAndTenants() {
        String sub = UUID.randomUUID().toString();
        String name = "erin-" + sub.substring(0, 6);
        var first = oidcUsers.signIn(who(sub, name, List.of(ops)));
        assertThat(first).isEqualTo(new OidcAccounts.SignedIn(name + "@sso", Role.TENANT_OPERATOR, Set.of(payments)));
        UserInfo created = asSystem(() -> users.find(name + "@sso")).orElseThrow();
        assertThat(created.provider()).isEqualTo("Test IdP");

        events.clear();
        var promoted = oidcUsers.signIn(who(sub, name, List.of(ops, admins)));
        assertThat(promoted.role()).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(promoted.tenantIds()).isEmpty();
        assertThat(events.stream(UserChanged.class)).singleElement().satisfies(e -> {
            assertThat(e.change()).isEqualTo(UserChanged.Change.ROLE_CHANGED);
            assertThat(e.detail()).contains("Test IdP", ISSUER, sub, "TENANT_OPERATOR of payments", "PLATFORM_ADMIN");
        });

        events.clear();
        oidcUsers.signIn(who(sub, name, List.of(ops, admins)));
        assertThat(events.stream(UserChanged.class)).as("nothing changed, nothing recorded").isEmpty();

        var refused = catchThrowableOfType(OidcAccounts.Refused.class,
                () -> oidcUsers.signIn(who(sub, name, List.of("gone-from-every-group"))));
        assertThat(refused.getMessage()).contains("none of your groups (gone-from-every-group)");
        assertThat(events.stream(OidcSignInRefused.class)).singleElement()
                .satisfies(e -> assertThat(e.detail()).contains(sub, ISSUER));
    }

    @Test
    void nobodyWithoutAMatchingRuleGetsAnAccount() {
        String sub = UUID.randomUUID().toString();
        assertThatThrownBy(() -> oidcUsers.signIn(who(sub, "frank-" + sub.substring(0, 6), List.of("strangers"))))
                .isInstanceOf(OidcAccounts.Refused.class);
        assertThat(asSystem(() -> users.find("frank-" + sub.substring(0, 6) + "@sso"))).isEmpty();
    }

    @Test
    void aProviderAccountNeverTakesOverALocalOneOfTheSameName() {
        String local = "gina-" + UUID.randomUUID().toString().substring(0, 6);
        asSystem(() -> users.create(local, "a-long-enough-password", Role.TENANT_OPERATOR, Set.of(payments)));
        var signedIn = oidcUsers.signIn(who(UUID.randomUUID().toString(), local, List.of(admins)));
        assertThat(signedIn.name()).isEqualTo(local + "@sso");
        assertThat(asSystem(() -> users.find(local)).orElseThrow().role()).isEqualTo(Role.TENANT_OPERATOR);

        var other = catchThrowableOfType(OidcAccounts.Refused.class,
                () -> oidcUsers.signIn(who(UUID.randomUUID().toString(), local, List.of(admins))));
        assertThat(other.getMessage()).as("another subject with the same user name").contains("belongs to another account");
    }

    @Test
    void aProviderAccountHasNoLocalPasswordAndADisabledOneIsRefused() {
        String sub = UUID.randomUUID().toString();
        String name = "hank-" + sub.substring(0, 6) + "@sso";
        oidcUsers.signIn(who(sub, name.substring(0, name.indexOf('@')), List.of(ops)));
        var noPassword = catchThrowableOfType(ValidationException.class,
                () -> asSystem(() -> users.resetPassword(name, "a-long-enough-password")));
        assertThat(noPassword.violations().getFirst().path()).isEqualTo("password");
        assertThatThrownBy(() -> userDetails.loadUserByUsername(name)).isInstanceOf(UsernameNotFoundException.class);

        asSystem(() -> users.setEnabled(name, false));
        var disabled = catchThrowableOfType(OidcAccounts.Refused.class,
                () -> oidcUsers.signIn(who(sub, name.substring(0, name.indexOf('@')), List.of(ops))));
        assertThat(disabled.getMessage()).contains("disabled");
    }
}
