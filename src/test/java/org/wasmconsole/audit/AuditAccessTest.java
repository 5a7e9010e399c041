package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.wasmconsole.SignedIn.asSystem;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.AccessOutcome;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.SignedIn;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * Every public method of {@link AuditService} x {admin, operator of tenant A, operator of tenant B,
 * anonymous}, and what each may read: operators only the history of extensions they can see, and
 * nothing of users, tenants or other tenants' extensions.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditAccessTest {

    static final String ORG = "audit-access";
    static final String A = "organizations/" + ORG + "/tenants/team-a";
    static final String B = "organizations/" + ORG + "/tenants/team-b";

    enum Caller { ADMIN, OPERATOR_A, OPERATOR_B, ANONYMOUS }

    static final Set<Caller> EVERYONE_SIGNED_IN = EnumSet.of(Caller.ADMIN, Caller.OPERATOR_A, Caller.OPERATOR_B);
    static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

    record Call(String method, Set<Caller> allowed, Consumer<AuditAccessTest> action) {
        @Override
        public String toString() {
            return method;
        }
    }

    @Autowired
    AuditService audit;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    long onlyBRecord;
    long openRecord;
    long tenantRecord;
    long userRecord;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            long a = tenants.create(ORG, "team-a", null).id();
            long b = tenants.create(ORG, "team-b", null).id();
            extensions.create(extension("open", List.of()));
            extensions.create(extension("only-a", List.of(A)));
            extensions.create(extension("only-b", List.of(B)));
            users.create("aa-admin", "audit-access-admin", Role.PLATFORM_ADMIN, Set.of());
            users.create("aa-op-a", "audit-access-op-a", Role.TENANT_OPERATOR, Set.of(a));
            users.create("aa-op-b", "audit-access-op-b", Role.TENANT_OPERATOR, Set.of(b));
        });
        onlyBRecord = recordOf(AuditResourceType.EXTENSION, ExtensionDefinition.fqn(ORG, "only-b"));
        openRecord = recordOf(AuditResourceType.EXTENSION, ExtensionDefinition.fqn(ORG, "open"));
        tenantRecord = recordOf(AuditResourceType.TENANT, A);
        userRecord = recordOf(AuditResourceType.USER, "aa-op-a");
    }

    long recordOf(AuditResourceType type, String resource) {
        return asSystem(() -> audit.list(new AuditFilter(null, resource, null, null, null), PageRequest.of(0, 50)))
                .stream().filter(e -> e.resourceType() == type && e.resourceName().equals(resource))
                .findFirst().orElseThrow().id();
    }

    static ExtensionDefinition extension(String name, List<String> allowedIn) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").allowedIn(allowedIn).build();
    }

    static List<Call> calls() {
        return List.of(
                new Call("AuditService.list", ADMIN_ONLY, t -> t.audit.list(AuditFilter.all(), PageRequest.of(0, 5))),
                new Call("AuditService.count", ADMIN_ONLY, t -> t.audit.count(AuditFilter.all())),
                new Call("AuditService.extensionHistory", EVERYONE_SIGNED_IN,
                        t -> t.audit.extensionHistory(ORG, "open")),
                new Call("AuditService.find", EVERYONE_SIGNED_IN, t -> t.audit.find(t.openRecord)),
                // harmless: a record that does not exist
                new Call("AuditService.restore", ADMIN_ONLY, t -> t.audit.restore(-1, "\"stale\"")),
                new Call("AuditService.detachedByDeletion", ADMIN_ONLY, t -> t.audit.detachedByDeletion(-1)),
                new Call("AuditService.restoreAndReattach", ADMIN_ONLY, t -> t.audit.restoreAndReattach(-1, true)));
    }

    static Stream<Arguments> matrix() {
        return calls().stream().flatMap(c -> Arrays.stream(Caller.values()).map(who -> Arguments.of(c, who)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("matrix")
    void eachCallerIsAllowedOrDeniedAsTheMatrixSays(Call call, Caller who) {
        Runnable run = () -> call.action().accept(this);
        if (who == Caller.ANONYMOUS) {
            assertThatThrownBy(run::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        } else if (call.allowed().contains(who)) {
            Throwable thrown = catchThrowable(() -> as(who, () -> {
                run.run();
                return null;
            }));
            AccessOutcome.assertAllowed(thrown);
        } else {
            assertThatThrownBy(() -> as(who, () -> {
                run.run();
                return null;
            })).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void everyPublicMethodIsInTheMatrix() {
        Set<String> covered = calls().stream().map(Call::method).collect(Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Method m : AuditService.class.getDeclaredMethods()) {
            if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())
                    && !covered.contains("AuditService." + m.getName())) {
                missing.add(m.getName());
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void operatorsReadTheHistoryOfWhatTheyCanSeeAndNothingElse() {
        assertThat(as(Caller.OPERATOR_A, () -> audit.extensionHistory(ORG, "only-a"))).singleElement()
                .satisfies(e -> assertThat(e.action()).isEqualTo(AuditAction.CREATE));
        assertThat(as(Caller.OPERATOR_A, () -> audit.extensionHistory(ORG, "open"))).hasSize(1);
        assertThatThrownBy(() -> as(Caller.OPERATOR_A, () -> audit.extensionHistory(ORG, "only-b")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(Caller.OPERATOR_A, () -> audit.extensionHistory(ORG, "never-existed")))
                .isInstanceOf(NotFoundException.class);
        assertThat(as(Caller.OPERATOR_B, () -> audit.extensionHistory(ORG, "only-b"))).hasSize(1);

        assertThat(as(Caller.OPERATOR_A, () -> audit.find(openRecord))).isPresent();
        assertThat(as(Caller.OPERATOR_A, () -> audit.find(onlyBRecord))).isEmpty();
        assertThat(as(Caller.OPERATOR_B, () -> audit.find(onlyBRecord))).isPresent();
        assertThat(as(Caller.OPERATOR_A, () -> audit.find(tenantRecord))).isEmpty();
        assertThat(as(Caller.OPERATOR_A, () -> audit.find(userRecord))).isEmpty();

        assertThat(as(Caller.ADMIN, () -> audit.find(tenantRecord))).isPresent();
        assertThat(as(Caller.ADMIN, () -> audit.find(userRecord))).isPresent();
        assertThat(as(Caller.ADMIN, () -> audit.extensionHistory(ORG, "only-b"))).hasSize(1);
        // an admin may read the history of a name that is gone (deleted extensions)
        assertThat(as(Caller.ADMIN, () -> audit.extensionHistory(ORG, "never-existed"))).isEmpty();
    }

    private <T> T as(Caller who, Supplier<T> work) {
        return SignedIn.as(userDetails, switch (who) {
            case ADMIN -> "aa-admin";
            case OPERATOR_A -> "aa-op-a";
            case OPERATOR_B -> "aa-op-b";
            case ANONYMOUS -> throw new IllegalArgumentException();
        }, work);
    }
}
