package org.wasmconsole.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.OidcAccessRules;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantService;

/** The group mapping rules: validation by field, audit events, and what the rules give at sign-in. */
@ConsoleTest
@RecordApplicationEvents
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GroupMappingServiceTest {

    static final String ORG = "gm-test";

    @Autowired
    GroupMappingService mappings;
    @Autowired
    OidcAccessRules rules;
    @Autowired
    TenantService tenants;
    @Autowired
    ApplicationEvents events;

    long a;
    long b;

    @BeforeAll
    void tenants() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "GM test");
            a = tenants.create(ORG, "gm-a", "GM A").id();
            b = tenants.create(ORG, "gm-b", "GM B").id();
            return null;
        });
    }

    @Test
    void everyProblemOfARuleIsReportedAtOnceByFieldAndNothingIsSaved() {
        var e = catchThrowableOfType(ValidationException.class,
                () -> asSystem(() -> mappings.create(" ", Role.TENANT_OPERATOR, Set.of())));
        assertThat(e.violations()).extracting(Violation::path).containsExactly("group", "tenants");
        var unknown = catchThrowableOfType(ValidationException.class,
                () -> asSystem(() -> mappings.create("gm-x", Role.TENANT_OPERATOR, Set.of(a, 987_654_321L))));
        assertThat(unknown.violations()).extracting(Violation::path).containsExactly("tenants");
        var noRole = catchThrowableOfType(ValidationException.class,
                () -> asSystem(() -> mappings.create("gm-x\nline", null, Set.of())));
        assertThat(noRole.violations()).extracting(Violation::path).containsExactly("group", "role");
        var adminWithTenants = catchThrowableOfType(ValidationException.class,
                () -> asSystem(() -> mappings.create("gm-x", Role.PLATFORM_ADMIN, Set.of(a))));
        assertThat(adminWithTenants.violations()).extracting(Violation::path).containsExactly("tenants");
        assertThat(asSystem(() -> mappings.list())).extracting(GroupMappingInfo::group).doesNotContain("gm-x", " ");
    }

    @Test
    void aGroupHasOneRuleAndChangesAreAudited() {
        events.clear();
        GroupMappingInfo rule = asSystem(() -> mappings.create(" gm-audited ", Role.TENANT_OPERATOR, Set.of(a)));
        assertThat(rule.group()).isEqualTo("gm-audited");
        assertThatThrownBy(() -> asSystem(() -> mappings.create("gm-audited", Role.PLATFORM_ADMIN, Set.of())))
                .isInstanceOf(ConflictException.class);
        asSystem(() -> mappings.update(rule.id(), "gm-audited", Role.TENANT_OPERATOR, Set.of(a)));
        asSystem(() -> mappings.update(rule.id(), "gm-audited", Role.TENANT_OPERATOR, Set.of(a, b)));
        asSystem(() -> {
            mappings.delete(rule.id());
            return null;
        });
        assertThat(events.stream(GroupMappingChanged.class)).extracting(GroupMappingChanged::change)
                .as("saving a rule unchanged changes nothing").containsExactly(GroupMappingChanged.Change.CREATED,
                        GroupMappingChanged.Change.UPDATED, GroupMappingChanged.Change.DELETED);
        assertThat(events.stream(GroupMappingChanged.class).toList().get(1).detail()).contains("gm-a, gm-b");
    }

    @Test
    void aPlatformAdminRuleWinsOtherwiseTheTenantsOfAllMatchingRulesAndNoMatchGivesNothing() {
        asSystem(() -> {
            mappings.create("gm-admins", Role.PLATFORM_ADMIN, Set.of());
            mappings.create("gm-ops-a", Role.TENANT_OPERATOR, Set.of(a));
            mappings.create("gm-ops-b", Role.TENANT_OPERATOR, Set.of(b));
            return null;
        });
        assertThat(rules.accessFor(List.of("gm-ops-a", "gm-admins")).orElseThrow())
                .isEqualTo(new OidcAccessRules.Access(Role.PLATFORM_ADMIN, Set.of(), List.of("gm-admins")));
        assertThat(rules.accessFor(List.of("gm-ops-b", "other", "gm-ops-a")).orElseThrow())
                .isEqualTo(new OidcAccessRules.Access(Role.TENANT_OPERATOR, Set.of(a, b), List.of("gm-ops-a",
                        "gm-ops-b")));
        assertThat(rules.accessFor(List.of("GM-ADMINS", "strangers"))).as("matched exactly, case and all").isEmpty();
        assertThat(rules.accessFor(List.of())).isEmpty();
    }

    @Test
    void onlyAdminsManageRules() {
        assertThatThrownBy(() -> mappings.list()).isInstanceOf(
                org.springframework.security.authentication.AuthenticationCredentialsNotFoundException.class);
    }
}
