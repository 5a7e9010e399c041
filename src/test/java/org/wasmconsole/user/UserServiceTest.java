package org.wasmconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.security.UserAccessRevoked;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.ConsolePrincipal;
import org.wasmconsole.security.LoginThrottle;
import org.wasmconsole.security.ConsoleUserRepository;

/**
 * User management: every operation and guard of {@link UserService}, with unique user names (users
 * cannot be deleted, and the context is shared). Never disables or demotes {@code admin} for good:
 * the one test that must (the last admin) runs in a transaction that is rolled back.
 */
@ConsoleTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UserServiceTest {

    static final String PASSWORD = "a-long-enough-password";

    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    PasswordEncoder passwordEncoder;
    @Autowired
    ApplicationEvents events;
    @Autowired
    ConsoleUserRepository repository;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    LoginThrottle throttle;

    long payments;
    long checkout;

    @BeforeAll
    void tenants() {
        asSystem(() -> {
            payments = tenants.list("tse").stream().filter(t -> t.name().equals("payments")).findFirst()
                    .orElseThrow().id();
            checkout = tenants.list("tse").stream().filter(t -> !t.name().equals("payments")).findFirst()
                    .orElseThrow().id();
        });
    }

    static String unique(String prefix) {
        return "ust-" + prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    String operator() {
        String name = unique("op");
        asSystem(() -> users.create(name, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments)));
        return name;
    }

    String admin() {
        String name = unique("admin");
        asSystem(() -> users.create(name, PASSWORD, Role.PLATFORM_ADMIN, Set.of()));
        return name;
    }

    UserInfo info(String name) {
        return asSystem(() -> users.find(name)).orElseThrow();
    }

    static void assertViolation(ThrowingCallable call, String path, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ValidationException.class, e -> {
            assertThat(e.violations()).singleElement().satisfies(v -> {
                assertThat(v.path()).isEqualTo(path);
                assertThat(v.message()).contains(messagePart);
            });
        });
    }

    Set<String> authorities(String name) {
        return userDetails.loadUserByUsername(name).getAuthorities().stream()
                .map(GrantedAuthority::getAuthority).collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void listShowsEveryUserWithRoleTenantsAndStatusButNeverTheHash() {
        String op = operator();
        String adm = admin();
        var all = asSystem(() -> users.list());
        assertThat(all).extracting(UserInfo::name).contains("admin", op, adm);
        assertThat(all).extracting(UserInfo::name).isSorted();
        UserInfo o = info(op);
        assertThat(o.role()).isEqualTo(Role.TENANT_OPERATOR);
        assertThat(o.tenantIds()).containsExactly(payments);
        assertThat(o.enabled()).isTrue();
        assertThat(o.createdAt()).isNotNull();
        assertThat(info(adm).tenantIds()).isEmpty();

        assertThat(Arrays.stream(UserInfo.class.getRecordComponents()).map(RecordComponent::getName))
                .containsExactly("name", "role", "tenantIds", "enabled", "createdAt", "provider");
        String hash = userDetails.loadUserByUsername(op).getPassword();
        assertThat(hash).startsWith("$2");
        assertThat(all.toString()).doesNotContain(hash).doesNotContain("$2a$").doesNotContain("$2b$");
    }

    @Test
    void createStoresABcryptHashAndRefusesWeakPasswordsSayingHowToFix() {
        String op = operator();
        String hash = userDetails.loadUserByUsername(op).getPassword();
        assertThat(hash).isNotEqualTo(PASSWORD).startsWith("$2");
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isTrue();

        assertViolation(() -> asSystem(() -> users.create(unique("weak"), "short", Role.PLATFORM_ADMIN, Set.of())),
                "password", "at least 12 characters");
        assertViolation(() -> asSystem(() -> users.create(unique("weak"), "aaaaaaaaaaaaaaaa", Role.PLATFORM_ADMIN,
                Set.of())), "password", "4 different characters");
        assertViolation(() -> asSystem(() -> users.create(unique("weak"), "x".repeat(40) + "abcd".repeat(9),
                Role.PLATFORM_ADMIN, Set.of())), "password", "at most 72 bytes");
        assertViolation(() -> asSystem(() -> users.create(unique("op"), PASSWORD, Role.TENANT_OPERATOR, Set.of())),
                "tenants", "at least one tenant");
        // An existing name is a conflict (the API's 409), at the name.
        assertThatThrownBy(() -> asSystem(() -> users.create(op, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments))))
                .isInstanceOfSatisfying(org.wasmconsole.base.ConflictException.class, e -> {
                    assertThat(e.path()).isEqualTo("name");
                    assertThat(e.getMessage()).contains("already exists");
                });
        assertViolation(() -> asSystem(() -> users.create(unique("op"), PASSWORD, Role.TENANT_OPERATOR,
                Set.of(987_654_321L))), "tenants", "unknown tenant");
    }

    @Test
    void changeRoleSetsRoleAndTenantsAndEndsTheUsersSessions() {
        String op = operator();
        events.clear();
        asSystem(() -> users.changeRole(op, Role.TENANT_OPERATOR, Set.of(payments, checkout)));
        assertThat(info(op).tenantIds()).containsExactlyInAnyOrder(payments, checkout);
        assertThat(((ConsolePrincipal) userDetails.loadUserByUsername(op)).getTenantIds())
                .containsExactlyInAnyOrder(payments, checkout);
        assertThat(events.stream(UserAccessRevoked.class)).containsExactly(new UserAccessRevoked(op));

        asSystem(() -> users.changeRole(op, Role.PLATFORM_ADMIN, Set.of(payments)));
        assertThat(info(op).role()).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(info(op).tenantIds()).as("an admin has no tenants").isEmpty();
        assertThat(authorities(op)).containsExactly("ROLE_PLATFORM_ADMIN");

        asSystem(() -> users.changeRole(op, Role.TENANT_OPERATOR, Set.of(checkout)));
        assertThat(info(op).role()).isEqualTo(Role.TENANT_OPERATOR);
        assertThat(info(op).tenantIds()).containsExactly(checkout);
        assertThat(authorities(op)).containsExactly("ROLE_TENANT_OPERATOR");

        assertViolation(() -> asSystem(() -> users.changeRole(op, Role.TENANT_OPERATOR, Set.of())),
                "tenants", "at least one tenant");
        assertViolation(() -> asSystem(() -> users.changeRole(op, null, Set.of())), "role", "choose a role");
        assertThat(info(op).tenantIds()).as("nothing changed by a refused call").containsExactly(checkout);
        assertThatThrownBy(() -> asSystem(() -> users.changeRole(unique("nobody"), Role.PLATFORM_ADMIN, Set.of())))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void resetPasswordReplacesTheHashWithTheSameStrengthRuleAndLiftsALock() {
        String op = operator();
        assertViolation(() -> asSystem(() -> users.resetPassword(op, "too-short")), "password",
                "at least 12 characters");
        for (int i = 0; i < throttle.maxFailures(); i++) {
            throttle.admit(op, "192.0.2.10");
            throttle.failed(op, "192.0.2.10");
        }
        assertThat(asSystem(() -> users.lockedUsers())).contains(op);
        asSystem(() -> users.resetPassword(op, "a-brand-new-passphrase"));
        assertThat(asSystem(() -> users.lockedUsers())).as("a reset lifts a sign-in lock").doesNotContain(op);
        String hash = userDetails.loadUserByUsername(op).getPassword();
        assertThat(passwordEncoder.matches("a-brand-new-passphrase", hash)).isTrue();
        assertThat(passwordEncoder.matches(PASSWORD, hash)).isFalse();
        assertThatThrownBy(() -> asSystem(() -> users.resetPassword(unique("nobody"), PASSWORD)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aDisabledUserCannotSignInUntilEnabledAgain() {
        String op = operator();
        DaoAuthenticationProvider signIn = new DaoAuthenticationProvider(userDetails);
        signIn.setPasswordEncoder(passwordEncoder);
        events.clear();

        asSystem(() -> users.setEnabled(op, false));
        assertThat(info(op).enabled()).isFalse();
        assertThat(events.stream(UserAccessRevoked.class)).containsExactly(new UserAccessRevoked(op));
        assertThatThrownBy(() -> signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(op,
                PASSWORD))).isInstanceOf(DisabledException.class);

        asSystem(() -> users.setEnabled(op, true));
        assertThat(info(op).enabled()).isTrue();
        assertThat(signIn.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(op, PASSWORD))
                .isAuthenticated()).isTrue();
    }

    @Test
    void anAdminCannotDisableOrDemoteThemselfButAnotherAdmin() {
        String me = admin();
        String other = admin();
        assertViolation(() -> as(userDetails, me, () -> users.setEnabled(me, false)), "enabled",
                "cannot disable yourself");
        assertViolation(() -> as(userDetails, me, () -> users.changeRole(me, Role.TENANT_OPERATOR,
                Set.of(payments))), "role", "cannot demote yourself");
        assertThat(info(me).enabled()).isTrue();
        assertThat(info(me).role()).isEqualTo(Role.PLATFORM_ADMIN);

        as(userDetails, me, () -> users.setEnabled(other, false));
        assertThat(info(other).enabled()).isFalse();
        as(userDetails, me, () -> users.changeRole(other, Role.TENANT_OPERATOR, Set.of(payments)));
        assertThat(info(other).role()).isEqualTo(Role.TENANT_OPERATOR);
    }

    /** Rolled back: disables every other admin, {@code admin} included, only inside this transaction. */
    @Test
    @Transactional
    void theLastEnabledAdminCanNeverBeDisabledOrDemoted() {
        String last = admin();
        asSystem(() -> users.list().stream()
                .filter(u -> u.role() == Role.PLATFORM_ADMIN && u.enabled() && !u.name().equals(last))
                .forEach(u -> users.setEnabled(u.name(), false)));
        assertThat(asSystem(() -> users.list()).stream().filter(u -> u.role() == Role.PLATFORM_ADMIN && u.enabled()))
                .extracting(UserInfo::name).containsExactly(last);

        assertViolation(() -> asSystem(() -> users.setEnabled(last, false)), "enabled",
                "last enabled platform admin");
        assertViolation(() -> asSystem(() -> users.changeRole(last, Role.TENANT_OPERATOR, Set.of(payments))),
                "role", "last enabled platform admin");
        assertViolation(() -> asSystem(() -> users.delete(last)), "name", "last enabled platform admin");
        assertThat(info(last).enabled()).isTrue();
        assertThat(info(last).role()).isEqualTo(Role.PLATFORM_ADMIN);
    }

    @Test
    void deleteRemovesTheUserAndEndsTheirSessionsButNeverYourself() {
        String me = admin();
        String op = operator();
        events.clear();
        as(userDetails, me, () -> users.delete(op));
        assertThat(asSystem(() -> users.find(op))).isEmpty();
        assertThat(repository.findByUsername(op)).isEmpty();
        assertThat(events.stream(UserAccessRevoked.class)).extracting(UserAccessRevoked::username).containsExactly(op);

        assertViolation(() -> as(userDetails, me, () -> users.delete(me)), "name", "cannot delete yourself");
        assertThat(info(me).enabled()).isTrue();
        assertThatThrownBy(() -> asSystem(() -> users.delete(op))).isInstanceOf(NotFoundException.class);
    }

    @Test
    void operatorsAreRefusedEveryOperation() {
        String op = operator();
        String target = operator();
        for (ThrowingCallable call : new ThrowingCallable[] {
                () -> as(userDetails, op, () -> users.list()),
                () -> as(userDetails, op, () -> users.find(target)),
                () -> as(userDetails, op, () -> users.changeRole(target, Role.PLATFORM_ADMIN, Set.of())),
                () -> as(userDetails, op, () -> users.resetPassword(target, "operator-chosen-password")),
                () -> as(userDetails, op, () -> users.setEnabled(target, false)),
                () -> as(userDetails, op, () -> users.delete(target)),
                () -> as(userDetails, op, () -> users.create(unique("x"), PASSWORD, Role.PLATFORM_ADMIN, Set.of()))}) {
            assertThatThrownBy(call).isInstanceOf(AccessDeniedException.class);
        }
        assertThat(info(target).enabled()).isTrue();
        assertThat(info(target).role()).isEqualTo(Role.TENANT_OPERATOR);
    }

    @Test
    void aUserDetailsOfADisabledUserSaysSo() {
        String op = operator();
        asSystem(() -> users.setEnabled(op, false));
        UserDetails loaded = userDetails.loadUserByUsername(op);
        assertThat(loaded.isEnabled()).isFalse();
    }
}
