package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
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
import org.wasmconsole.apply.ApplyService;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.IstioKind;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.SignedIn;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.TenantAssignment;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * Every public method of the services × {admin, operator of tenant A, operator of tenant B,
 * anonymous}: allowed or denied, and for reads exactly which extensions come back. A method added
 * to a service without a row here fails {@link #everyServiceMethodIsInTheMatrix()}.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixTest {

    static final String ORG = "matrix-test";
    static final String A = "organizations/" + ORG + "/tenants/team-a";
    static final String B = "organizations/" + ORG + "/tenants/team-b";

    enum Caller { ADMIN, OPERATOR_A, OPERATOR_B, ANONYMOUS }

    static final Set<Caller> EVERYONE_SIGNED_IN = EnumSet.of(Caller.ADMIN, Caller.OPERATOR_A, Caller.OPERATOR_B);
    static final Set<Caller> ADMIN_ONLY = EnumSet.of(Caller.ADMIN);

    /** One service method, how to call it harmlessly, and who may. */
    record Call(String method, Set<Caller> allowed, Consumer<AccessMatrixTest> action) {
        @Override
        public String toString() {
            return method;
        }
    }

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantAssignmentService assignments;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    ApplyService apply;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;
    @Autowired
    org.wasmconsole.attachment.FilterChainService chains;
    @Autowired
    DefaultSettingService settings;
    @Autowired
    org.wasmconsole.user.GroupMappingService groupMappings;
    @Autowired
    UserDetailsService userDetails;

    long tenantA;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            tenantA = tenants.create(ORG, "team-a", null).id();
            long tenantB = tenants.create(ORG, "team-b", null).id();
            extensions.create(extension("open", List.of()));
            extensions.create(extension("only-a", List.of(A)));
            extensions.create(extension("only-b", List.of(B)));
            extensions.create(extension("a-and-b", List.of(B, A)));
            users.create("mx-admin", "matrix-admin-password", Role.PLATFORM_ADMIN, Set.of());
            users.create("mx-op-a", "matrix-operator-a-pw", Role.TENANT_OPERATOR, Set.of(tenantA));
            users.create("mx-op-b", "matrix-operator-b-pw", Role.TENANT_OPERATOR, Set.of(tenantB));
        });
    }

    static ExtensionDefinition extension(String name, List<String> allowedIn) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").allowedIn(allowedIn).build();
    }

    static final ExtensionFilter ALL = ExtensionFilter.all(ORG);

    /** Harmless arguments: writes name things that do not exist, so an allowed call fails later, if at all. */
    static List<Call> calls() {
        return List.of(
                new Call("ExtensionService.list", EVERYONE_SIGNED_IN, t -> t.extensions.list(ALL, PageRequest.of(0, 9))),
                new Call("ExtensionService.count", EVERYONE_SIGNED_IN, t -> t.extensions.count(ALL)),
                new Call("ExtensionService.find", EVERYONE_SIGNED_IN, t -> t.extensions.find(ORG, "open")),
                new Call("ExtensionService.get", EVERYONE_SIGNED_IN, t -> t.extensions.get(ORG, "open")),
                new Call("ExtensionService.getAll", EVERYONE_SIGNED_IN, t -> t.extensions.getAll(ORG, List.of("open"))),
                new Call("ExtensionService.forEach", EVERYONE_SIGNED_IN, t -> t.extensions.forEach(ALL, e -> { })),
                new Call("TenantAssignmentService.listForTenant", EVERYONE_SIGNED_IN, t -> t.assignments.listForTenant(
                        new ExtensionFilter(ORG, null, null, null, A), TenantAssignment.ASSIGNED, PageRequest.of(0, 9))),
                new Call("TenantAssignmentService.countForTenant", EVERYONE_SIGNED_IN, t -> t.assignments.countForTenant(
                        new ExtensionFilter(ORG, null, null, null, A), TenantAssignment.ASSIGNED)),
                new Call("TenantAssignmentService.assignedCounts", EVERYONE_SIGNED_IN,
                        t -> t.assignments.assignedCounts(ORG)),
                new Call("ExtensionService.displayNames", EVERYONE_SIGNED_IN,
                        t -> t.extensions.displayNames(ORG, List.of("open"))),
                new Call("ExtensionService.findAll", EVERYONE_SIGNED_IN,
                        t -> t.extensions.findAll(ORG, List.of("open"))),
                new Call("ExtensionService.check", ADMIN_ONLY, t -> t.extensions.check(extension("checked", List.of()))),
                new Call("ExtensionService.create", ADMIN_ONLY, t -> t.extensions.create(extension("Bad Name", List.of()))),
                new Call("ExtensionService.createInBatch", ADMIN_ONLY,
                        t -> t.extensions.createInBatch(extension("Bad Name", List.of()), null)),
                new Call("ExtensionService.update", ADMIN_ONLY, t -> t.extensions.update(extension("ghost", List.of()),
                        "\"stale\"")),
                new Call("ExtensionService.delete", ADMIN_ONLY, t -> t.extensions.delete(ORG, "ghost", null)),
                new Call("ExtensionService.deleteAll", ADMIN_ONLY, t -> t.extensions.deleteAll(ORG, List.of("ghost"))),
                new Call("TenantAssignmentService.assign", ADMIN_ONLY, t -> t.assignments.assign(ORG, A, List.of("ghost"))),
                new Call("TenantAssignmentService.unassign", ADMIN_ONLY, t -> t.assignments.unassign(ORG, A, List.of("ghost"))),
                new Call("TenantService.list", EVERYONE_SIGNED_IN, t -> t.tenants.list(ORG)),
                new Call("TenantService.find", EVERYONE_SIGNED_IN, t -> t.tenants.find(ORG, "team-a")),
                new Call("TenantService.get", EVERYONE_SIGNED_IN, t -> t.tenants.get(ORG, "team-a")),
                new Call("TenantService.createOrganization", ADMIN_ONLY, t -> t.tenants.createOrganization("Bad Org", null)),
                new Call("TenantService.create", ADMIN_ONLY, t -> t.tenants.create(ORG, "Bad Tenant", null)),
                new Call("TenantService.rename", ADMIN_ONLY, t -> t.tenants.rename(ORG, "ghost", "Ghost")),
                new Call("TenantService.relabel", ADMIN_ONLY,
                        t -> t.tenants.relabel(ORG, "ghost", org.wasmconsole.base.ObjectMeta.EMPTY)),
                new Call("TenantService.delete", ADMIN_ONLY, t -> t.tenants.delete(ORG, "ghost")),
                new Call("UserService.create", ADMIN_ONLY, t -> t.users.create("Bad User", "x", Role.PLATFORM_ADMIN,
                        Set.of())),
                new Call("UserService.list", ADMIN_ONLY, t -> t.users.list()),
                new Call("UserService.find", ADMIN_ONLY, t -> t.users.find("mx-op-a")),
                new Call("UserService.changeRole", ADMIN_ONLY, t -> t.users.changeRole("ghost", Role.TENANT_OPERATOR,
                        Set.of(t.tenantA))),
                new Call("UserService.resetPassword", ADMIN_ONLY, t -> t.users.resetPassword("ghost",
                        "a-long-enough-password")),
                new Call("UserService.setEnabled", ADMIN_ONLY, t -> t.users.setEnabled("ghost", true)),
                new Call("UserService.unlock", ADMIN_ONLY, t -> t.users.unlock("ghost")),
                new Call("UserService.lockedUsers", ADMIN_ONLY, t -> t.users.lockedUsers()),
                new Call("UserService.delete", ADMIN_ONLY, t -> t.users.delete("ghost")),
                new Call("ApplyService.apply", ADMIN_ONLY, t -> t.apply.apply("kind: Nothing", true)),
                new Call("UserService.count", ADMIN_ONLY, t -> t.users.count()),
                new Call("GroupMappingService.list", ADMIN_ONLY, t -> t.groupMappings.list()),
                new Call("GroupMappingService.get", ADMIN_ONLY, t -> t.groupMappings.get(-1)),
                new Call("GroupMappingService.create", ADMIN_ONLY, t -> t.groupMappings.create(" ",
                        Role.TENANT_OPERATOR, Set.of())),
                new Call("GroupMappingService.update", ADMIN_ONLY, t -> t.groupMappings.update(-1, "ghost",
                        Role.PLATFORM_ADMIN, Set.of())),
                new Call("GroupMappingService.delete", ADMIN_ONLY, t -> t.groupMappings.delete(-1)),
                new Call("UserService.checkNew", ADMIN_ONLY, t -> t.users.checkNew("Bad User", "x", Role.PLATFORM_ADMIN,
                        Set.of())),
                new Call("UserService.lockedUsers", ADMIN_ONLY, t -> t.users.lockedUsers()),
                new Call("UserService.unlock", ADMIN_ONLY, t -> t.users.unlock("ghost")),
                new Call("TenantService.relabel", ADMIN_ONLY,
                        t -> t.tenants.relabel(ORG, "ghost", org.wasmconsole.base.ObjectMeta.EMPTY)),
                new Call("AttachmentService.defaultIstioKind", EVERYONE_SIGNED_IN, t -> t.attachments.defaultIstioKind()),
                new Call("TopologyService.topology", EVERYONE_SIGNED_IN, t -> t.topology.topology(A)),
                new Call("TopologyService.workspaces", EVERYONE_SIGNED_IN, t -> t.topology.workspaces(A)),
                new Call("TopologyService.findWorkspace", EVERYONE_SIGNED_IN, t -> t.topology.findWorkspace(A, "ghost")),
                new Call("TopologyService.groups", EVERYONE_SIGNED_IN, t -> t.topology.groups(A, "ghost")),
                new Call("TopologyService.findGroup", EVERYONE_SIGNED_IN,
                        t -> t.topology.findGroup(A, "ghost", GroupKind.GATEWAY, "ghost")),
                new Call("TopologyService.saveWorkspace", ADMIN_ONLY,
                        t -> t.topology.saveWorkspace(new WorkspaceInfo(A, "Bad Name", null))),
                new Call("TopologyService.deleteWorkspace", ADMIN_ONLY, t -> t.topology.deleteWorkspace(A, "ghost")),
                new Call("TopologyService.saveGroup", ADMIN_ONLY,
                        t -> t.topology.saveGroup(new GroupInfo(A, "ghost", GroupKind.GATEWAY, "Bad Name", null))),
                new Call("TopologyService.deleteGroup", ADMIN_ONLY,
                        t -> t.topology.deleteGroup(A, "ghost", GroupKind.GATEWAY, "ghost")),
                new Call("AttachmentService.find", EVERYONE_SIGNED_IN, t -> t.attachments.find(GHOST_GATEWAY)),
                new Call("AttachmentService.get", EVERYONE_SIGNED_IN, t -> t.attachments.get(GHOST_GATEWAY)),
                new Call("AttachmentService.list", EVERYONE_SIGNED_IN,
                        t -> t.attachments.list(A, "ghost", "ghost", TargetKind.INGRESS_GATEWAY)),
                new Call("AttachmentService.whereUsed", EVERYONE_SIGNED_IN,
                        t -> t.attachments.whereUsed("organizations/" + ORG + "/extensions/open")),
                new Call("AttachmentService.preview", EVERYONE_SIGNED_IN,
                        t -> t.attachments.preview(GHOST_GATEWAY, "organizations/" + ORG + "/extensions/open")),
                new Call("AttachmentService.preview(kind)", EVERYONE_SIGNED_IN, t -> t.attachments.preview(GHOST_GATEWAY,
                        "organizations/" + ORG + "/extensions/open", IstioKind.TRAFFIC_EXTENSION)),
                new Call("AttachmentService.previews", EVERYONE_SIGNED_IN,
                        t -> t.attachments.previews(GHOST_GATEWAY, IstioKind.WASM_PLUGIN)),
                new Call("AttachmentService.previews(workspace)", EVERYONE_SIGNED_IN,
                        t -> t.attachments.previews(A, "ghost", IstioKind.WASM_PLUGIN)),
                new Call("AttachmentService.previews(tenant)", EVERYONE_SIGNED_IN,
                        t -> t.attachments.previews(A, null, IstioKind.WASM_PLUGIN)),
                new Call("FilterChainService.of", EVERYONE_SIGNED_IN, t -> t.chains.of(GHOST_GATEWAY)),
                new Call("AttachmentService.check", ADMIN_ONLY, t -> t.attachments.check(GHOST_DEFINITION)),
                new Call("AttachmentService.save", ADMIN_ONLY, t -> t.attachments.save(GHOST_DEFINITION, null)),
                new Call("AttachmentService.delete", ADMIN_ONLY, t -> t.attachments.delete(GHOST_GATEWAY, null)),
                new Call("AttachmentService.attach", ADMIN_ONLY,
                        t -> t.attachments.attach(GHOST_GATEWAY, Attachment.of("organizations/x/extensions/y"), null)),
                new Call("AttachmentService.updateAttachment", ADMIN_ONLY, t -> t.attachments.updateAttachment(
                        GHOST_GATEWAY, Attachment.of("organizations/x/extensions/y"), null)),
                new Call("AttachmentService.detach", ADMIN_ONLY,
                        t -> t.attachments.detach(GHOST_GATEWAY, "organizations/x/extensions/y", null)),
                new Call("AttachmentService.invalidatedBy", ADMIN_ONLY,
                        t -> t.attachments.invalidatedBy("organizations/" + ORG + "/extensions/open", List.of(A))),
                new Call("FilterChainService.of(setting)", EVERYONE_SIGNED_IN, t -> t.chains.of(GHOST_SETTING)),
                new Call("DefaultSettingService.find", EVERYONE_SIGNED_IN, t -> t.settings.find(GHOST_SETTING)),
                new Call("DefaultSettingService.get", EVERYONE_SIGNED_IN, t -> t.settings.get(GHOST_SETTING)),
                new Call("DefaultSettingService.list", EVERYONE_SIGNED_IN, t -> t.settings.list(ORG_SETTING)),
                new Call("DefaultSettingService.reaching", EVERYONE_SIGNED_IN, t -> t.settings.reaching(A)),
                new Call("DefaultSettingService.whereUsed", EVERYONE_SIGNED_IN,
                        t -> t.settings.whereUsed("organizations/" + ORG + "/extensions/open")),
                new Call("DefaultSettingService.check", ADMIN_ONLY, t -> t.settings.check(GHOST_SETTING_DEFINITION)),
                new Call("DefaultSettingService.save", ADMIN_ONLY,
                        t -> t.settings.save(GHOST_SETTING_DEFINITION, null)),
                new Call("DefaultSettingService.delete", ADMIN_ONLY, t -> t.settings.delete(GHOST_SETTING, null)),
                new Call("DefaultSettingService.attach", ADMIN_ONLY,
                        t -> t.settings.attach(GHOST_SETTING, Attachment.of("organizations/x/extensions/y"), null)),
                new Call("DefaultSettingService.updateAttachment", ADMIN_ONLY, t -> t.settings.updateAttachment(
                        GHOST_SETTING, Attachment.of("organizations/x/extensions/y"), null)),
                new Call("DefaultSettingService.detach", ADMIN_ONLY,
                        t -> t.settings.detach(GHOST_SETTING, "organizations/x/extensions/y", null)));
    }

    static final TargetRef GHOST_GATEWAY = new TargetRef(TargetKind.INGRESS_GATEWAY, A, "ghost", "ghost", "ghost");
    static final TargetDefinition GHOST_DEFINITION = new TargetDefinition(GHOST_GATEWAY, null, "Bad Namespace",
            Map.of(), List.of());

    static final SettingRef GHOST_SETTING = SettingRef.workspace(ORG, "team-a", "ghost", "ghost");
    static final SettingRef ORG_SETTING = SettingRef.organization(ORG, "default");
    /** An invalid name: an admin's save is refused by the rules, after security let it through. */
    static final DefaultSettingDefinition GHOST_SETTING_DEFINITION = new DefaultSettingDefinition(
            SettingRef.tenant(ORG, "team-a", "Bad Name"), null, true, List.of(), null, null);

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
            // Allowed means security lets it through; a rule of the method may still refuse the
            // harmless arguments (not found, invalid name), which is fine here.
            Throwable thrown = catchThrowable(() -> as(who, run));
            AccessOutcome.assertAllowed(thrown);
        } else {
            assertThatThrownBy(() -> as(who, run)).isInstanceOf(AccessDeniedException.class);
        }
    }

    @Test
    void readsReturnExactlyWhatEachCallerMaySee() {
        Map<Caller, List<String>> expected = Map.of(
                Caller.ADMIN, List.of("a-and-b", "only-a", "only-b", "open"),
                Caller.OPERATOR_A, List.of("a-and-b", "only-a", "open"),
                Caller.OPERATOR_B, List.of("a-and-b", "only-b", "open"));
        expected.forEach((who, names) -> {
            assertThat(read(who, () -> extensions.list(ALL, PageRequest.of(0, 50))).stream()
                    .map(ExtensionSummary::name).sorted().toList()).as("list as " + who).isEqualTo(names);
            assertThat(read(who, () -> extensions.count(ALL))).as("count as " + who).isEqualTo(names.size());
            List<String> exported = new ArrayList<>();
            as(who, () -> extensions.forEach(ALL, e -> exported.add(e.definition().name())));
            assertThat(exported.stream().sorted().toList()).as("export as " + who).isEqualTo(names);
            for (String name : List.of("open", "only-a", "only-b", "a-and-b")) {
                assertThat(read(who, () -> extensions.find(ORG, name)).map(StoredExtension::fqn).isPresent())
                        .as(name + " found by " + who).isEqualTo(names.contains(name));
            }
        });
        assertThat(read(Caller.OPERATOR_A, () -> tenants.list(ORG))).extracting(TenantInfo::name)
                .containsExactly("team-a");
        assertThat(read(Caller.OPERATOR_B, () -> tenants.find(ORG, "team-a"))).isEmpty();
        // Default settings: a tenant's are "not found" for another tenant's operator, the organization's are read
        assertThatThrownBy(() -> read(Caller.OPERATOR_B, () -> settings.list(SettingRef.tenant(ORG, "team-a", "-"))))
                .isInstanceOf(org.wasmconsole.base.NotFoundException.class);
        assertThat(read(Caller.OPERATOR_A, () -> settings.list(SettingRef.tenant(ORG, "team-a", "-")))).isEmpty();
        assertThat(read(Caller.OPERATOR_B, () -> settings.list(ORG_SETTING))).isEmpty();
    }

    @Test
    void everyServiceMethodIsInTheMatrix() {
        Set<String> covered = calls().stream().map(Call::method).collect(java.util.stream.Collectors.toSet());
        List<String> missing = new ArrayList<>();
        for (Class<?> service : List.of(ExtensionService.class, TenantAssignmentService.class, TenantService.class,
                ApplyService.class, UserService.class, TopologyService.class, AttachmentService.class,
                org.wasmconsole.attachment.FilterChainService.class, DefaultSettingService.class,
                org.wasmconsole.user.GroupMappingService.class)) {
            for (Method m : service.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers())) {
                    String key = service.getSimpleName() + "." + m.getName();
                    if (!covered.contains(key) && covered.stream().noneMatch(c -> c.startsWith(key + "("))) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("public service methods without a row in the access matrix").isEmpty();
    }

    private void as(Caller who, Runnable work) {
        SignedIn.as(userDetails, username(who), work);
    }

    private <T> T read(Caller who, java.util.function.Supplier<T> work) {
        return SignedIn.as(userDetails, username(who), work);
    }

    private static String username(Caller who) {
        return switch (who) {
            case ADMIN -> "mx-admin";
            case OPERATOR_A -> "mx-op-a";
            case OPERATOR_B -> "mx-op-b";
            case ANONYMOUS -> throw new IllegalArgumentException("anonymous has no user");
        };
    }
}
