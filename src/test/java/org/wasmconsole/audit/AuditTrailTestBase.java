package org.wasmconsole.audit;

import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.transaction.PlatformTransactionManager;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.SignedIn;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * The audit trail tests' fixture: an organization of their own with tenants red and blue, a platform
 * admin and an operator of red (names from the subclass, unique in the shared database), and
 * helpers to read the records of one resource.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditTrailTestBase {

    final String org;
    final String admin;
    final String operator;

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

    /** @param prefix names the organization and, with -admin and -operator, the two users */
    AuditTrailTestBase(String prefix) {
        this.org = prefix;
        this.admin = prefix + "-admin";
        this.operator = prefix + "-operator";
    }

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(org, "Audit trail tests");
            tenants.create(org, "red", "Red");
            tenants.create(org, "blue", "Blue");
            long red = tenants.get(org, "red").id();
            users.create(admin, "audit-admin-password", Role.PLATFORM_ADMIN, Set.of());
            users.create(operator, "audit-operator-password", Role.TENANT_OPERATOR, Set.of(red));
        });
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    String tenant(String name) {
        return "organizations/" + org + "/tenants/" + name;
    }

    ExtensionDefinition.Builder extension(String name) {
        return ExtensionDefinition.builder().organization(org).name(name).url("oci://docker.io/example/" + name + ":1.0");
    }

    <T> T asAdmin(Supplier<T> work) {
        return SignedIn.as(userDetails, admin, work);
    }

    void asAdmin(Runnable work) {
        SignedIn.as(userDetails, admin, work);
    }

    /** The records of exactly this resource, newest first. */
    List<AuditEntry> records(AuditResourceType type, String resource) {
        return asAdmin(() -> audit.list(new AuditFilter(null, resource, null, null, null), PageRequest.of(0, 200)))
                .stream().filter(e -> e.resourceType() == type && resource.equals(e.resourceName())).toList();
    }

    List<AuditEntry> extensionRecords(String name) {
        return records(AuditResourceType.EXTENSION, ExtensionDefinition.fqn(org, name));
    }

    AuditDetails details(AuditEntry entry) {
        return asAdmin(() -> audit.find(entry.id())).orElseThrow();
    }

    StoredExtension create(String name) {
        return asAdmin(() -> extensions.create(extension(name).build()));
    }
}
