package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.authentication.event.InteractiveAuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.SignedIn;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionChanged;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * Every write path leaves exactly one matching record, with who, what and the documents, in the
 * write's own transaction; a refused or failed write leaves none.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditTrailTest {

    static final String ORG = "audit-trail";
    static final String ADMIN = "at-admin";
    static final String OPERATOR = "at-operator";

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantAssignmentService assignments;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    AuditService audit;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    PlatformTransactionManager transactionManager;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Audit trail tests");
            tenants.create(ORG, "red", "Red");
            tenants.create(ORG, "blue", "Blue");
            long red = tenants.get(ORG, "red").id();
            users.create(ADMIN, "audit-admin-password", Role.PLATFORM_ADMIN, Set.of());
            users.create(OPERATOR, "audit-operator-password", Role.TENANT_OPERATOR, Set.of(red));
        });
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    static String tenant(String name) {
        return "organizations/" + ORG + "/tenants/" + name;
    }

    static ExtensionDefinition.Builder extension(String name) {
        return ExtensionDefinition.builder().organization(ORG).name(name).url("oci://docker.io/example/" + name + ":1.0");
    }

    <T> T asAdmin(Supplier<T> work) {
        return SignedIn.as(userDetails, ADMIN, work);
    }

    void asAdmin(Runnable work) {
        SignedIn.as(userDetails, ADMIN, work);
    }

    /** The records of exactly this resource, newest first. */
    List<AuditEntry> records(AuditResourceType type, String resource) {
        return asAdmin(() -> audit.list(new AuditFilter(null, resource, null, null, null), PageRequest.of(0, 200)))
                .stream().filter(e -> e.resourceType() == type && resource.equals(e.resourceName())).toList();
    }

    List<AuditEntry> extensionRecords(String name) {
        return records(AuditResourceType.EXTENSION, ExtensionDefinition.fqn(ORG, name));
    }

    AuditDetails details(AuditEntry entry) {
        return asAdmin(() -> audit.find(entry.id())).orElseThrow();
    }

    StoredExtension create(String name) {
        return asAdmin(() -> extensions.create(extension(name).build()));
    }

    // --- extensions -------------------------------------------------------------------------------

    @Test
    void createIsRecordedWithTheDocumentAfter() {
        String name = unique("rec-create");
        StoredExtension created = create(name);
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.username()).isEqualTo(ADMIN);
            assertThat(e.organization()).isEqualTo(ORG);
            assertThat(e.shortName()).isEqualTo(name);
            assertThat(e.time()).isNotNull();
        });
        AuditDetails d = details(records.getFirst());
        assertThat(d.before()).isNull();
        assertThat(d.after()).isEqualTo(ExtensionYaml.write(created.definition(), null)).contains("name: " + name);
        assertThat(d.etag()).isEqualTo(created.etag());
    }

    @Test
    void updateIsRecordedWithBeforeAndAfterAndTheFieldsChanged() {
        String name = unique("rec-update");
        StoredExtension v1 = create(name);
        StoredExtension v2 = asAdmin(() -> extensions.update(v1.definition().toBuilder().priority(7).build(), v1.etag()));
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(records.getFirst().summary()).isEqualTo("changed spec.priority");
        AuditDetails d = details(records.getFirst());
        assertThat(d.before()).isEqualTo(ExtensionYaml.write(v1.definition(), null));
        assertThat(d.after()).isEqualTo(ExtensionYaml.write(v2.definition(), null)).contains("priority: 7");
        assertThat(d.etag()).isEqualTo(v2.etag());
    }

    /** Issue #16: a save that changes nothing must not bump the etag (others' edits would conflict). */
    @Test
    void anUpdateThatChangesNothingIsNotAVersion() {
        String name = unique("rec-noop");
        StoredExtension v1 = asAdmin(() -> extensions.create(extension(name).description("# Title\n\nText.\n")
                .allowedIn(List.of(tenant("red"), tenant("blue"))).build()));
        StoredExtension same = asAdmin(() -> extensions.update(v1.definition().toBuilder()
                .allowedIn(List.of(tenant("blue"), tenant("red"))).build(), v1.etag()));
        assertThat(same.etag()).isEqualTo(v1.etag());
        assertThat(same.definition().description()).isEqualTo("# Title\n\nText.\n");
        assertThat(extensionRecords(name)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        StoredExtension changed = asAdmin(() -> extensions.update(v1.definition().toBuilder()
                .description("# Title\n\nText.").build(), v1.etag()));
        assertThat(changed.etag()).isNotEqualTo(v1.etag());
        assertThat(extensionRecords(name)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }

    @Test
    void refusedOrFailedExtensionWritesLeaveNoRecord() {
        String name = unique("rec-refused");
        StoredExtension v1 = create(name);
        assertThatThrownBy(() -> asAdmin(() -> extensions.update(v1.definition().toBuilder().priority(2).build(),
                "\"stale\""))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> extensions.update(v1.definition().toBuilder().url("ftp://x").build(),
                v1.etag()))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> extensions.create(v1.definition()))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> extensions.delete(ORG, name, "\"stale\"")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> extensions.deleteAll(ORG, List.of(name, "no-such-extension"))))
                .isInstanceOf(NotFoundException.class);
        String invalid = unique("rec-invalid");
        assertThatThrownBy(() -> asAdmin(() -> extensions.create(extension(invalid).url("no-scheme").build())))
                .isInstanceOf(ValidationException.class);

        assertThat(extensionRecords(name)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        assertThat(extensionRecords(invalid)).isEmpty();
        assertThat(asAdmin(() -> extensions.find(ORG, name))).isPresent();
    }

    @Test
    void aRolledBackWriteTakesItsRecordWithIt() {
        String name = unique("rec-rollback");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            create(name);
            assertThat(extensionRecords(name)).hasSize(1); // there, inside the transaction
            status.setRollbackOnly();
        });
        assertThat(asAdmin(() -> extensions.find(ORG, name))).isEmpty();
        assertThat(extensionRecords(name)).isEmpty();
    }

    @Test
    void theRecorderRefusesToWriteOutsideTheChangesTransaction() {
        ExtensionDefinition d = extension(unique("rec-no-tx")).build();
        assertThatThrownBy(() -> asAdmin(() -> events.publishEvent(new ExtensionChanged(
                ExtensionChanged.Change.CREATED, null, d, "\"x\"", null))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThat(extensionRecords(d.name())).isEmpty();
    }

    @Test
    void deleteIsRecordedWithTheDocumentBefore() {
        String name = unique("rec-delete");
        StoredExtension v1 = create(name);
        asAdmin(() -> extensions.delete(ORG, name, v1.etag()));
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.DELETE, AuditAction.CREATE);
        AuditDetails d = details(records.getFirst());
        assertThat(d.before()).isEqualTo(ExtensionYaml.write(v1.definition(), null));
        assertThat(d.after()).isNull();
        assertThat(d.version()).isEqualTo(d.before());
    }

    @Test
    void bulkDeleteRecordsEachExtensionOnce() {
        String first = unique("rec-bulk-a");
        String second = unique("rec-bulk-b");
        create(first);
        create(second);
        asAdmin(() -> extensions.deleteAll(ORG, List.of(first, second)));
        for (String name : List.of(first, second)) {
            List<AuditEntry> records = extensionRecords(name);
            assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.DELETE, AuditAction.CREATE);
            assertThat(records.getFirst().summary()).isEqualTo("deleted (one of 2 extensions deleted together)");
            assertThat(details(records.getFirst()).before()).contains("name: " + name);
        }
    }

    @Test
    void assignAndUnassignAreRecordedPerExtensionChanged() {
        String name = unique("rec-assign");
        String already = unique("rec-assigned");
        asAdmin(() -> extensions.create(extension(name).allowedIn(List.of(tenant("blue"))).build()));
        asAdmin(() -> extensions.create(extension(already).allowedIn(List.of(tenant("red"))).build()));
        asAdmin(() -> assignments.assign(ORG, tenant("red"), List.of(name, already)));
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.ASSIGN, AuditAction.CREATE);
        assertThat(records.getFirst().summary()).isEqualTo("assigned to tenant 'red'");
        AuditDetails d = details(records.getFirst());
        assertThat(d.before()).contains(tenant("blue")).doesNotContain(tenant("red"));
        assertThat(d.after()).contains(tenant("blue")).contains(tenant("red"));
        assertThat(extensionRecords(already)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);

        asAdmin(() -> assignments.unassign(ORG, tenant("red"), List.of(name)));
        records = extensionRecords(name);
        assertThat(records).extracting(AuditEntry::action)
                .containsExactly(AuditAction.UNASSIGN, AuditAction.ASSIGN, AuditAction.CREATE);
        assertThat(records.getFirst().summary()).isEqualTo("unassigned from tenant 'red'");
        assertThat(details(records.getFirst()).after()).doesNotContain(tenant("red"));
    }

    @Test
    void refusedAssignmentLeavesNoRecord() {
        String open = unique("rec-open");
        String only = unique("rec-only");
        create(open);
        asAdmin(() -> extensions.create(extension(only).allowedIn(List.of(tenant("red"))).build()));
        assertThatThrownBy(() -> asAdmin(() -> assignments.assign(ORG, tenant("red"), List.of(open))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> assignments.unassign(ORG, tenant("red"), List.of(only))))
                .isInstanceOf(ConflictException.class);
        assertThat(extensionRecords(open)).hasSize(1);
        assertThat(extensionRecords(only)).hasSize(1);
    }

    // --- tenants ----------------------------------------------------------------------------------

    @Test
    void tenantCreateRenameAndDeleteAreRecordedWithTheAllowedInEditsOfTheDelete() {
        String name = unique("t");
        String fqn = tenant(name);
        asAdmin(() -> tenants.create(ORG, name, "Before"));
        asAdmin(() -> tenants.rename(ORG, name, "After"));
        asAdmin(() -> tenants.rename(ORG, name, "After")); // no change, no record
        String ext = unique("rec-tenant-del");
        asAdmin(() -> extensions.create(extension(ext).allowedIn(List.of(tenant("blue"), fqn)).build()));
        asAdmin(() -> tenants.delete(ORG, name));

        List<AuditEntry> records = records(AuditResourceType.TENANT, fqn);
        assertThat(records).extracting(AuditEntry::action)
                .containsExactly(AuditAction.DELETE, AuditAction.RENAME, AuditAction.CREATE);
        assertThat(records).extracting(AuditEntry::summary).containsExactly("deleted tenant \u201cAfter\u201d",
                "display name \u201cBefore\u201d \u2192 \u201cAfter\u201d", "created tenant \u201cBefore\u201d");
        assertThat(records).allSatisfy(e -> assertThat(e.username()).isEqualTo(ADMIN));

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
        asAdmin(() -> tenants.create(ORG, name, null));
        String ext = unique("rec-only-tenant");
        asAdmin(() -> extensions.create(extension(ext).allowedIn(List.of(fqn)).build()));
        assertThatThrownBy(() -> asAdmin(() -> tenants.delete(ORG, name))).isInstanceOf(ConflictException.class);
        // A taken name is a conflict (409 in the API), issue #21.
        assertThatThrownBy(() -> asAdmin(() -> tenants.create(ORG, name, null))).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> tenants.rename(ORG, name, "x".repeat(300))))
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
        long red = asAdmin(() -> tenants.get(ORG, "red").id());
        long blue = asAdmin(() -> tenants.get(ORG, "blue").id());
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
            assertThat(e.username()).isEqualTo(ADMIN);
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
        assertThatThrownBy(() -> asAdmin(() -> users.setEnabled(ADMIN, false))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.delete(ADMIN))).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> asAdmin(() -> users.resetPassword(OPERATOR, "short")))
                .isInstanceOf(ValidationException.class);
        assertThat(records(AuditResourceType.USER, name)).isEmpty();
        assertThat(records(AuditResourceType.USER, ADMIN).stream().map(AuditEntry::action))
                .doesNotContain(AuditAction.DISABLE, AuditAction.DELETE);
        assertThat(records(AuditResourceType.USER, OPERATOR).stream().map(AuditEntry::action))
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
        long before = asAdmin(() -> audit.count(new AuditFilter(OPERATOR, null, AuditAction.ACCESS_DENIED, null, null)));
        assertThatThrownBy(() -> SignedIn.as(userDetails, OPERATOR, () -> users.list()))
                .isInstanceOf(AccessDeniedException.class);
        List<AuditEntry> denied = asAdmin(() -> audit.list(new AuditFilter(OPERATOR, null, AuditAction.ACCESS_DENIED,
                null, null), PageRequest.of(0, 10)));
        assertThat(denied).hasSize((int) before + 1);
        assertThat(denied.getFirst().resourceName()).isEqualTo("UserService.list");
        assertThat(denied.getFirst().resourceType()).isEqualTo(AuditResourceType.OPERATION);
        assertThat(denied.getFirst().summary()).contains("TENANT_OPERATOR");
    }
}
