package org.wasmconsole.extension;

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
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * Tenant management against the real database: rename, delete (with the extensions that name the
 * tenant), assign and unassign with their narrowing and widening guards, and operators refused.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantAssignmentServiceTest {

    static final String ORG = "tenant-svc-test";

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantAssignmentService assignments;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Tenant service tests");
            TenantInfo red = tenants.create(ORG, "red", "Red");
            tenants.create(ORG, "green", "Green");
            tenants.create(ORG, "blue", null);
            users.create("tst-op-red", "operator-password-red", Role.TENANT_OPERATOR, Set.of(red.id()));
        });
    }

    static String fqn(String tenant) {
        return "organizations/" + ORG + "/tenants/" + tenant;
    }

    void extension(String name, String... allowedIn) {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0")
                .allowedIn(java.util.Arrays.stream(allowedIn).map(TenantAssignmentServiceTest::fqn).toList())
                .build()));
    }

    List<String> allowedIn(String name) {
        return asSystem(() -> extensions.get(ORG, name)).definition().allowedIn();
    }

    List<String> names(String tenant, TenantAssignment assignment) {
        return asSystem(() -> assignments.listForTenant(new ExtensionFilter(ORG, null, null, null, fqn(tenant)),
                assignment, PageRequest.of(0, 100))).stream().map(ExtensionSummary::name).sorted().toList();
    }

    // --- counts ---------------------------------------------------------------------------------------

    @Test
    void assignedCountsOfAllTenantsInOneQueryEqualEachTenantsOwnCount() {
        extension("cnt-red-green", "red", "green");
        extension("cnt-green", "green");
        extension("cnt-open");
        for (String who : List.of("system", "tst-op-red")) {
            java.util.Map<Long, Long> counts = who.equals("system") ? asSystem(() -> assignments.assignedCounts(ORG))
                    : as(userDetails, who, () -> assignments.assignedCounts(ORG));
            for (TenantInfo tenant : asSystem(() -> tenants.list(ORG))) {
                ExtensionFilter filter = new ExtensionFilter(ORG, null, null, null, tenant.fqn());
                long one = who.equals("system")
                        ? asSystem(() -> assignments.countForTenant(filter, TenantAssignment.ASSIGNED))
                        : as(userDetails, who, () -> assignments.countForTenant(filter, TenantAssignment.ASSIGNED));
                assertThat(counts.getOrDefault(tenant.id(), 0L)).as(who + " counting " + tenant.name()).isEqualTo(one);
            }
        }
        long green = asSystem(() -> assignments.assignedCounts(ORG))
                .get(asSystem(() -> tenants.get(ORG, "green")).id());
        assertThat(green).isGreaterThanOrEqualTo(2);
    }

    // --- rename ---------------------------------------------------------------------------------------

    @Test
    void renameChangesTheDisplayNameOnly() {
        asSystem(() -> tenants.create(ORG, "rename-me", "Old"));
        TenantInfo renamed = asSystem(() -> tenants.rename(ORG, "rename-me", "  New name "));
        assertThat(renamed.name()).isEqualTo("rename-me");
        assertThat(renamed.displayName()).isEqualTo("New name");
        assertThat(asSystem(() -> tenants.get(ORG, "rename-me")).displayName()).isEqualTo("New name");
        assertThat(asSystem(() -> tenants.rename(ORG, "rename-me", " ")).displayName()).isNull();
    }

    @Test
    void renameChecksTheDisplayNameRules() {
        assertThatThrownBy(() -> asSystem(() -> tenants.rename(ORG, "red", "two\nlines")))
                .isInstanceOf(ValidationException.class).hasMessageContaining("metadata.displayName")
                .hasMessageContaining("single line");
        assertThatThrownBy(() -> asSystem(() -> tenants.rename(ORG, "red", "x".repeat(257))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("at most 256");
        assertThatThrownBy(() -> asSystem(() -> tenants.rename(ORG, "no-such-tenant", "X")))
                .isInstanceOf(NotFoundException.class);
        assertThat(asSystem(() -> tenants.get(ORG, "red")).displayName()).isEqualTo("Red");
    }

    @Test
    void createRefusesBadAndDuplicateNames() {
        assertThatThrownBy(() -> asSystem(() -> tenants.create(ORG, "Bad_Name", null)))
                .isInstanceOf(ValidationException.class).hasMessageContaining("not a DNS label");
        assertThatThrownBy(() -> asSystem(() -> tenants.create(ORG, "red", null)))
                .isInstanceOf(org.wasmconsole.base.ConflictException.class).hasMessageContaining("already exists");
    }

    // --- delete ---------------------------------------------------------------------------------------

    @Test
    void deletingATenantNamedNowhereJustDeletesIt() {
        asSystem(() -> tenants.create(ORG, "unused", null));
        asSystem(() -> tenants.delete(ORG, "unused"));
        assertThat(asSystem(() -> tenants.find(ORG, "unused"))).isEmpty();
    }

    @Test
    void deletingATenantRemovesItFromEveryAllowedInInTheSameTransaction() {
        asSystem(() -> tenants.create(ORG, "doomed", null));
        extension("del-shared", "green", "doomed");
        extension("del-other", "blue");
        String etag = asSystem(() -> extensions.get(ORG, "del-shared")).etag();

        asSystem(() -> tenants.delete(ORG, "doomed"));

        assertThat(asSystem(() -> tenants.find(ORG, "doomed"))).isEmpty();
        StoredExtension shared = asSystem(() -> extensions.get(ORG, "del-shared"));
        assertThat(shared.definition().allowedIn()).containsExactly(fqn("green"));
        assertThat(shared.etag()).isNotEqualTo(etag);
        assertThat(shared.updatedBy()).isEqualTo("system");
        assertThat(allowedIn("del-other")).containsExactly(fqn("blue"));
    }

    @Test
    void deletingTheOnlyTenantOfAnExtensionIsRefusedAndChangesNothing() {
        asSystem(() -> tenants.create(ORG, "sole", null));
        extension("del-sole-only", "sole");
        extension("del-sole-shared", "sole", "green");

        assertThatThrownBy(() -> asSystem(() -> tenants.delete(ORG, "sole")))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'del-sole-only'")
                .hasMessageNotContaining("del-sole-shared").hasMessageContaining("available to all tenants");

        assertThat(asSystem(() -> tenants.find(ORG, "sole"))).isPresent();
        assertThat(allowedIn("del-sole-only")).containsExactly(fqn("sole"));
        assertThat(allowedIn("del-sole-shared")).containsExactly(fqn("sole"), fqn("green"));
        assertThat(names("sole", TenantAssignment.ONLY_THIS_TENANT)).containsExactly("del-sole-only");
        assertThat(names("sole", TenantAssignment.ASSIGNED)).containsExactly("del-sole-only", "del-sole-shared");
    }

    // --- assign / unassign ---------------------------------------------------------------------------

    @Test
    void assignAddsTheTenantToEachInOneGo() {
        extension("as-one", "green");
        extension("as-two", "blue");
        extension("as-already", "red");
        String etag = asSystem(() -> extensions.get(ORG, "as-one")).etag();

        List<String> changed = asSystem(() -> assignments.assign(ORG, fqn("red"),
                List.of("as-one", "as-two", "as-already")));

        assertThat(changed).containsExactly("as-one", "as-two");
        assertThat(allowedIn("as-one")).containsExactly(fqn("green"), fqn("red"));
        assertThat(allowedIn("as-two")).containsExactly(fqn("blue"), fqn("red"));
        assertThat(allowedIn("as-already")).containsExactly(fqn("red"));
        assertThat(asSystem(() -> extensions.get(ORG, "as-one")).etag()).isNotEqualTo(etag);
        assertThat(names("red", TenantAssignment.ASSIGNED)).contains("as-one", "as-two", "as-already");
        assertThat(names("red", TenantAssignment.NOT_ASSIGNED)).doesNotContain("as-one", "as-two", "as-already");
    }

    @Test
    void assigningAnOpenExtensionIsRefusedUnlessNarrowingIsAskedFor() {
        extension("as-open");
        extension("as-closed", "green");

        assertThatThrownBy(() -> asSystem(() -> assignments.assign(ORG, fqn("blue"), List.of("as-closed", "as-open"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'as-open'")
                .hasMessageContaining("available to all tenants");
        assertThat(allowedIn("as-closed")).containsExactly(fqn("green"));
        assertThat(allowedIn("as-open")).isEmpty();
        assertThat(names("blue", TenantAssignment.ALL_TENANTS)).contains("as-open");

        asSystem(() -> assignments.assign(ORG, fqn("blue"), List.of("as-closed", "as-open"), true));
        assertThat(allowedIn("as-open")).containsExactly(fqn("blue"));
        assertThat(allowedIn("as-closed")).containsExactly(fqn("green"), fqn("blue"));
        assertThat(names("blue", TenantAssignment.ALL_TENANTS)).doesNotContain("as-open");
    }

    @Test
    void unassignRemovesTheTenantButRefusesToWidenUnlessAskedFor() {
        extension("un-shared", "green", "blue");
        extension("un-last", "green");

        assertThatThrownBy(() -> asSystem(() -> assignments.unassign(ORG, fqn("green"), List.of("un-shared", "un-last"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("'un-last'")
                .hasMessageContaining("available to all tenants");
        assertThat(allowedIn("un-shared")).containsExactly(fqn("green"), fqn("blue"));

        assertThat(asSystem(() -> assignments.unassign(ORG, fqn("green"), List.of("un-shared"))))
                .containsExactly("un-shared");
        assertThat(allowedIn("un-shared")).containsExactly(fqn("blue"));

        asSystem(() -> assignments.unassign(ORG, fqn("green"), List.of("un-last"), true));
        assertThat(allowedIn("un-last")).isEmpty();
        assertThat(names("red", TenantAssignment.ALL_TENANTS)).contains("un-last");
    }

    @Test
    void anUnknownExtensionOrTenantChangesNothing() {
        extension("un-known", "green");
        assertThatThrownBy(() -> asSystem(() -> assignments.assign(ORG, fqn("blue"), List.of("un-known", "nope"))))
                .isInstanceOf(NotFoundException.class);
        assertThat(allowedIn("un-known")).containsExactly(fqn("green"));
        assertThatThrownBy(() -> asSystem(() -> assignments.assign(ORG, fqn("nope"), List.of("un-known"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> asSystem(() -> assignments.assign(ORG,
                "organizations/tse/tenants/payments", List.of("un-known"))))
                .isInstanceOf(NotFoundException.class);
    }

    // --- access ----------------------------------------------------------------------------------------

    @Test
    void operatorsCannotChangeTenantsOrAssignments() {
        extension("op-target", "red");
        as(userDetails, "tst-op-red", () -> {
            assertThatThrownBy(() -> tenants.rename(ORG, "red", "Mine")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> tenants.delete(ORG, "red")).isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.assign(ORG, fqn("red"), List.of("op-target")))
                    .isInstanceOf(AccessDeniedException.class);
            assertThatThrownBy(() -> assignments.unassign(ORG, fqn("red"), List.of("op-target"), true))
                    .isInstanceOf(AccessDeniedException.class);
            assertThat(tenants.find(ORG, "green")).isEmpty();
            assertThat(tenants.get(ORG, "red").name()).isEqualTo("red");
        });
        assertThat(allowedIn("op-target")).containsExactly(fqn("red"));
        assertThat(asSystem(() -> tenants.get(ORG, "red")).displayName()).isEqualTo("Red");
    }
}
