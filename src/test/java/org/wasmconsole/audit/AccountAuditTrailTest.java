package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.wasmconsole.SignedIn;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.security.Role;

/**
 * The audit trail of the organization, its tenants and the console's users: each write recorded once
 * (never a password), a refused one not at all; sign-ins, failed sign-ins and refused service calls
 * recorded in their own transaction.
 */
class AccountAuditTrailTest extends AuditTrailTestBase {

    AccountAuditTrailTest() {
        super("audit-accounts");
    }

    // --- tenants ----------------------------------------------------------------------------------

    @Test
    void tenantCreateRenameAndDeleteAreRecordedWithTheAllowedInEditsOfTheDelete() {
        String name = unique("t");
        String fqn = tenant(name);
        asAdmin(() -> tenants.create(org, name, "Before"));
        asAdmin(() -> tenants.rename(org, name, "After"));
        asAdmin(() -> tenants.rename(org, name, "After")); // no change, no record
        String ext = unique("rec-tenant-del");
        asAdmin(() -> extensions.create(extension(ext).allowedIn(List.of(tenant("blue"), fqn)).build()));
        asAdmin(() -> tenants.delete(org, name));

        List<AuditEntry> records = records(AuditResourceType.TENANT, fqn);
        assertThat(records).extracting(AuditEntry::action)
                .containsExactly(AuditAction.DELETE, AuditAction.RENAME, AuditAction.CREATE);
        assertThat(records).extracting(AuditEntry::summary).containsExactly("deleted tenant \u201cAfter\u201d",
                "display name \u201cBefore\u201d \u2192 \u201cAfter\u201d", "created tenant \u201cBefore\u201d");
        assertThat(records).allSatisfy(e -> assertThat(e.username()).isEqualTo(admin));

        List<AuditEntry> edits = extensionRecords(ext);
        assertThat(edits).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(edits.getFirst().summary()).isEqualTo("tenant '" + name + "' was deleted");
        AuditDetails d = details(edits.getFirst());
        assertThat(d.before()).contains(fqn);
        assertThat(d.after()).doesNotContain(fqn).contains(tenant("blue"));
    }

    @Test
    void refusedTenantWritesLeaveNoRecord() {
        String name = unique("t-refused");
        String fqn = tenant(name);
        asAdmin(() -> tenants.create(org, name, null));
        String ext = unique("rec-only-tenant");
        asAdmin(() -> extensions.create(extension(ext).allowedIn(List.of(fqn)).build()));
        assertThatThrownBy(() -> asAdmin(() -> tenants.delete(org, name))).isInstanceOf(ConflictException.class);
        // A taken name is a conflict (409 in the API), issue #21.
        assertThatThrownBy(() -> asAdmin(() -> tenants.create(org, name, null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> tenants.rename(org, name, "x".repeat(300))))
                .isInstanceOf(ValidationException.class);
        assertThat(records(AuditResourceType.TENANT, fqn)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.CREATE);
        assertThat(extensionRecords(ext)).hasSize(1);
    }

    @Test
    void organizationCreateIsRecorded() {
        String name = unique("org");
        asAdmin(() -> tenants.createOrganization(name, "An organization"));
        assertThat(records(AuditResourceType.ORGANIZATION, "organizations/" + name)).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CREATE));
    }

    // --- users ------------------------------------------------------------------------------------

    @Test
    void userChangesAreRecordedWithoutPasswords() {
        String name = unique("u");
        long red = asAdmin(() -> tenants.get(org, "red").id());
        long blue = asAdmin(() -> tenants.get(org, "blue").id());
        asAdmin(() -> users.create(name, "first-password-123", Role.TENANT_OPERATOR, Set.of(red)));
        asAdmin(() -> users.changeRole(name, Role.TENANT_OPERATOR, Set.of(red, blue)));
        asAdmin(() -> users.changeRole(name, Role.TENANT_OPERATOR, Set.of(red, blue))); // no change, no record
        asAdmin(() -> users.resetPassword(name, "second-password-456"));
        asAdmin(() -> users.setEnabled(name, false));
        asAdmin(() -> users.setEnabled(name, false)); // no change, no record
        asAdmin(() -> users.setEnabled(name, true));
        asAdmin(() -> users.delete(name));

        List<AuditEntry> records = records(AuditResourceType.USER, name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.DELETE, AuditAction.ENABLE,
                AuditAction.DISABLE, AuditAction.RESET_PASSWORD, AuditAction.CHANGE_ROLE, AuditAction.CREATE);
        assertThat(records.getLast().summary()).isEqualTo("TENANT_OPERATOR of red");
        assertThat(records.get(4).summary()).isEqualTo("TENANT_OPERATOR of red \u2192 TENANT_OPERATOR of blue, red");
        assertThat(records).allSatisfy(e -> {
            assertThat(e.username()).isEqualTo(admin);
            assertThat(e.summary()).doesNotContain("password-123", "password-456", "$2a$", "$2b$");
            assertThat(details(e).before()).isNull();
            assertThat(details(e).after()).isNull();
        });
    }

    @Test
    void refusedUserWritesLeaveNoRecord() {
        String name = unique("u-refused");
        assertThatThrownBy(() -> asAdmin(() -> users.create(name, "short", Role.PLATFORM_ADMIN, Set.of())))
                .isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.create(name, "long-enough-password", Role.TENANT_OPERATOR,
                Set.of()))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.setEnabled(admin, false))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.delete(admin))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.resetPassword(operator, "short")))
                .isInstanceOf(ValidationException.class);
        assertThat(records(AuditResourceType.USER, name)).isEmpty();
        assertThat(records(AuditResourceType.USER, admin).stream().map(AuditEntry::action))
                .doesNotContain(AuditAction.DISABLE, AuditAction.DELETE);
        assertThat(records(AuditResourceType.USER, operator).stream().map(AuditEntry::action))
                .doesNotContain(AuditAction.RESET_PASSWORD);
    }

    // --- sign-ins and refusals ----------------------------------------------------------------------

    @Test
    void signInAndFailedSignInAreRecordedInTheirOwnTransaction() {
        String name = unique("login");
        var authenticated = UsernamePasswordAuthenticationToken.authenticated(name, null, List.of());
        events.publishEvent(new InteractiveAuthenticationSuccessEvent(authenticated, getClass()));
        // Every authentication publishes this one too (each REST API call): not a sign-in of its own.
        events.publishEvent(new AuthenticationSuccessEvent(authenticated));
        events.publishEvent(new AuthenticationFailureBadCredentialsEvent(
                UsernamePasswordAuthenticationToken.unauthenticated(name, "typed-password"),
                new BadCredentialsException("Bad credentials")));
        List<AuditEntry> records = records(AuditResourceType.USER, name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.LOGIN_FAILED, AuditAction.LOGIN);
        assertThat(records).extracting(AuditEntry::username).containsOnly(name);
        assertThat(records.getFirst().summary()).isEqualTo("wrong user name or password").doesNotContain("typed-password");
    }

    @Test
    void aRefusedServiceCallIsRecordedWithTheOperation() {
        long before = asAdmin(() -> audit.count(new AuditFilter(operator, null, AuditAction.ACCESS_DENIED, null, null)));
        assertThatThrownBy(() -> SignedIn.as(userDetails, operator, () -> users.list()))
                .isInstanceOf(AccessDeniedException.class);
        List<AuditEntry> denied = asAdmin(() -> audit.list(new AuditFilter(operator, null, AuditAction.ACCESS_DENIED,
                null, null), PageRequest.of(0, 10)));
        assertThat(denied).hasSize((int) before + 1);
        assertThat(denied.getFirst().resourceName()).isEqualTo("UserService.list");
        assertThat(denied.getFirst().resourceType()).isEqualTo(AuditResourceType.OPERATION);
        assertThat(denied.getFirst().summary()).contains("TENANT_OPERATOR");
    }
}
