package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * Method security and tenant scoping of the services, with real users as sign-in loads them:
 * an operator sees exactly what is available to their tenants, and can change nothing.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessTest {

    static final String ORG = "access-test";

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            TenantInfo a = tenants.create(ORG, "team-a", "Team A");
            TenantInfo b = tenants.create(ORG, "team-b", "Team B");
            extensions.create(extension("open", List.of()));
            extensions.create(extension("only-a", List.of(a.fqn())));
            extensions.create(extension("only-b", List.of(b.fqn())));
            extensions.create(extension("a-and-b", List.of(b.fqn(), a.fqn())));
            users.create("acc-admin", "admin-password-long", Role.PLATFORM_ADMIN, Set.of());
            users.create("acc-op-a", "operator-password-a", Role.TENANT_OPERATOR, Set.of(a.id()));
            users.create("acc-op-b", "operator-password-b", Role.TENANT_OPERATOR, Set.of(b.id()));
        });
    }

    static ExtensionDefinition extension(String name, List<String> allowedIn) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").allowedIn(allowedIn).build();
    }

    List<String> visibleTo(String user) {
        return as(userDetails, user, () -> extensions.list(ExtensionFilter.all(ORG), PageRequest.of(0, 50)))
                .stream().map(ExtensionSummary::name).toList();
    }

    @Test
    void adminSeesEveryExtension() {
        assertThat(visibleTo("acc-admin")).containsExactlyInAnyOrder("open", "only-a", "only-b", "a-and-b");
    }

    @Test
    void operatorSeesOnlyWhatIsAvailableToTheirTenant() {
        assertThat(visibleTo("acc-op-a")).containsExactlyInAnyOrder("open", "only-a", "a-and-b");
        assertThat(visibleTo("acc-op-b")).containsExactlyInAnyOrder("open", "only-b", "a-and-b");
        assertThat(as(userDetails, "acc-op-a", () -> extensions.count(ExtensionFilter.all(ORG)))).isEqualTo(3);
    }

    @Test
    void anotherTenantsExtensionIsNotFoundForAnOperatorNotForbidden() {
        assertThat(as(userDetails, "acc-op-a", () -> extensions.find(ORG, "only-b"))).isEmpty();
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> extensions.get(ORG, "only-b")))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(userDetails, "acc-op-a", () -> extensions.find(ORG, "only-a"))).isPresent();
    }

    @Test
    void operatorFilteringByAnotherTenantGetsWhatAnUnknownTenantGets() {
        ExtensionFilter otherTenant = new ExtensionFilter(ORG, null, null, null,
                "organizations/" + ORG + "/tenants/team-b");
        List<String> names = as(userDetails, "acc-op-a", () -> extensions.list(otherTenant, PageRequest.of(0, 50)))
                .stream().map(ExtensionSummary::name).toList();
        // Nothing, as for a tenant that does not exist: the answer must not tell which tenants exist.
        assertThat(names).isEmpty();
    }

    @Test
    void operatorCannotWriteAnything() {
        ExtensionDefinition mine = extension("op-made", List.of());
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> extensions.create(mine)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> extensions.update(extension("open", List.of()),
                "\"any\""))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> extensions.delete(ORG, "open", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> extensions.check(mine)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> tenants.create(ORG, "sneaky", null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "acc-op-a", () -> users.create("sneaky", "long-enough-password",
                Role.PLATFORM_ADMIN, Set.of()))).isInstanceOf(AccessDeniedException.class);
        assertThat(visibleTo("acc-admin")).doesNotContain("op-made");
    }

    @Test
    void operatorSeesOnlyTheirOwnTenants() {
        assertThat(as(userDetails, "acc-op-a", () -> tenants.list(ORG))).extracting(TenantInfo::name)
                .containsExactly("team-a");
        assertThat(as(userDetails, "acc-admin", () -> tenants.list(ORG))).extracting(TenantInfo::name)
                .containsExactly("team-a", "team-b");
    }

    @Test
    void anonymousCallerIsRefusedEverywhere() {
        assertThatThrownBy(() -> extensions.list(ExtensionFilter.all(ORG), PageRequest.of(0, 5)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> extensions.find(ORG, "open"))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThatThrownBy(() -> tenants.list(ORG)).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
    }

    @Test
    void passwordsAreStoredAsBcryptHashesAndWeakOnesRefused() {
        var details = userDetails.loadUserByUsername("acc-op-a");
        assertThat(details.getPassword()).startsWith("$2").doesNotContain("operator-password-a");
        assertThatThrownBy(() -> asSystem(() -> users.create("weak", "short", Role.PLATFORM_ADMIN, Set.of())))
                .hasMessageContaining("at least 12 characters");
    }
}
