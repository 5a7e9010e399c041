package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.springframework.data.domain.PageRequest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

/**
 * Attachments against the real database: the allowedIn rule on attach, on narrowing allowedIn
 * (edit, unassign, assign-narrowing), on deleting extensions and tenants; where used; operators.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttachmentServiceTest {

    static final String ORG = "attach-svc-test";

    @Autowired
    AttachmentService attachments;
    @Autowired
    TopologyService topology;
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
    @Autowired
    AuditService audit;
    @Autowired
    PlatformTransactionManager transactions;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Attachment service tests");
            TenantInfo red = tenants.create(ORG, "red", "Red");
            tenants.create(ORG, "green", "Green");
            tenants.create(ORG, "blue", null);
            users.create("att-op-red", "operator-password-red", Role.TENANT_OPERATOR, Set.of(red.id()));
        });
    }

    static String tenant(String name) {
        return "organizations/" + ORG + "/tenants/" + name;
    }

    static String ext(String name) {
        return "organizations/" + ORG + "/extensions/" + name;
    }

    void extension(String name, String... allowedIn) {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0")
                .allowedIn(java.util.Arrays.stream(allowedIn).map(AttachmentServiceTest::tenant).toList())
                .build()));
    }

    /** A workspace "ws-<gateway>" with a gateway group "gg" and an ingress gateway, in the tenant. */
    TargetRef gateway(String tenantName, String name) {
        String workspace = "ws-" + name;
        asSystem(() -> {
            topology.saveWorkspace(new WorkspaceInfo(tenant(tenantName), workspace, null));
            topology.saveGroup(new GroupInfo(tenant(tenantName), workspace, GroupKind.GATEWAY, "gg", null));
        });
        TargetRef ref = new TargetRef(TargetKind.INGRESS_GATEWAY, tenant(tenantName), workspace, "gg", name);
        asSystem(() -> attachments.save(new TargetDefinition(ref, null, "ingress", Map.of("app", name), List.of()),
                null));
        return ref;
    }

    List<String> attached(TargetRef ref) {
        return asSystem(() -> attachments.get(ref)).definition().attachments().stream().map(Attachment::fqn).toList();
    }

    List<String> paths(Runnable write) {
        try {
            asSystem(write);
        } catch (ValidationException e) {
            return e.violations().stream().map(Violation::path).toList();
        }
        throw new AssertionError("no violation");
    }

    @Test
    void attachesAnAllowedExtensionWithConfigAndMatch() {
        extension("open-one");
        TargetRef gw = gateway("red", "gw-open");
        var config = JsonMapper.builder().build().readTree("{\"header\":\"x-red\"}");
        StoredTarget saved = asSystem(() -> attachments.attach(gw, new Attachment(ext("open-one"), config,
                List.of(MatchSelector.of(WorkloadMode.CLIENT, 8080, 8443))), null));
        Attachment a = saved.definition().attachments().getFirst();
        assertThat(a.fqn()).isEqualTo(ext("open-one"));
        assertThat(a.config().get("header").asString()).isEqualTo("x-red");
        assertThat(a.match()).containsExactly(MatchSelector.of(WorkloadMode.CLIENT, 8080, 8443));
        assertThat(asSystem(() -> attachments.whereUsed(ext("open-one")))).extracting(u -> u.ref().fqn())
                .containsExactly(gw.fqn());
    }

    @Test
    void refusesAnExtensionTheTenantIsNotAllowedToUse() {
        extension("green-only", "green");
        TargetRef gw = gateway("red", "gw-refused");
        assertThatThrownBy(() -> asSystem(() -> attachments.attach(gw, Attachment.of(ext("green-only")), null)))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.violations()).extracting(Violation::path).containsExactly("spec.extension[0].fqn");
                    assertThat(e.violations().getFirst().message()).contains("not allowed in tenant 'red'");
                });
        assertThat(attached(gw)).isEmpty();
    }

    @Test
    void refusesUnknownDuplicateAndBadMatch() {
        extension("dup-one");
        TargetRef gw = gateway("red", "gw-bad");
        TargetDefinition bad = new TargetDefinition(gw, null, "ingress", Map.of("app", "x"), List.of(
                Attachment.of(ext("dup-one")), Attachment.of(ext("dup-one")), Attachment.of(ext("no-such")),
                new Attachment(ext("dup-one"), null, List.of(MatchSelector.of(WorkloadMode.SERVER, 0)))));
        assertThat(paths(() -> attachments.save(bad, null))).containsExactlyInAnyOrder(
                "spec.extension[1].fqn", "spec.extension[2].fqn", "spec.extension[3].fqn",
                "spec.extension[3].match[0].ports[0].number", "spec.extension[3].match[0].mode");
        assertThat(attached(gw)).isEmpty();
    }

    @Test
    void aGatewayAttachmentDoesNotSilentlyInheritTheExtensionsServerMode() {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name("server-only")
                .url("oci://docker.io/example/server-only:1.0").matchMode(WorkloadMode.SERVER).build()));
        TargetRef gw = gateway("red", "gw-server");
        assertThat(paths(() -> attachments.attach(gw, Attachment.of(ext("server-only")), null)))
                .containsExactly("spec.extension[0].match");
        // A selector of its own, mode omitted (CLIENT_AND_SERVER as in TSB and Istio), is fine.
        asSystem(() -> attachments.attach(gw, new Attachment(ext("server-only"), null,
                List.of(new MatchSelector(null, List.of(8443)))), null));
        assertThat(attached(gw)).containsExactly(ext("server-only"));
        assertThat(asSystem(() -> attachments.preview(gw, ext("server-only")))).contains("mode: CLIENT_AND_SERVER");
    }

    @Test
    void aGatewayWithoutWorkloadLabelsIsRefusedAtItsLabels() {
        TargetRef gw = gateway("red", "gw-unlabelled");
        assertThat(paths(() -> attachments.save(new TargetDefinition(gw, null, "ingress", Map.of(), List.of()), null)))
                .containsExactly("spec.workloadSelector.labels");
        assertThat(asSystem(() -> attachments.get(gw)).definition().labels()).containsEntry("app", "gw-unlabelled");
    }

    @Test
    void deletingAnAttachedExtensionIsRefusedOrDetachesEverywhere() {
        extension("in-use");
        TargetRef red = gateway("red", "gw-del-red");
        TargetRef green = gateway("green", "gw-del-green");
        asSystem(() -> attachments.attach(red, Attachment.of(ext("in-use")), null));
        asSystem(() -> attachments.attach(green, Attachment.of(ext("in-use")), null));
        assertThatThrownBy(() -> asSystem(() -> extensions.delete(ORG, "in-use", null)))
                .isInstanceOfSatisfying(ExtensionInUseException.class,
                        e -> assertThat(e.places()).hasSize(2).allMatch(p -> p.contains("gw-del-")));
        assertThat(asSystem(() -> extensions.find(ORG, "in-use"))).isPresent();
        assertThat(attached(red)).containsExactly(ext("in-use"));

        asSystem(() -> extensions.delete(ORG, "in-use", null, InUse.DETACH));
        assertThat(asSystem(() -> extensions.find(ORG, "in-use"))).isEmpty();
        assertThat(attached(red)).isEmpty();
        assertThat(attached(green)).isEmpty();
    }

    @Test
    void narrowingAllowedInIsRefusedOrDetachesOnlyTheForbiddenTenants() {
        extension("narrowed");
        TargetRef red = gateway("red", "gw-nar-red");
        TargetRef green = gateway("green", "gw-nar-green");
        asSystem(() -> attachments.attach(red, Attachment.of(ext("narrowed")), null));
        asSystem(() -> attachments.attach(green, Attachment.of(ext("narrowed")), null));
        assertThat(asSystem(() -> attachments.invalidatedBy(ext("narrowed"), List.of(tenant("red")))))
                .extracting(u -> u.ref().fqn()).containsExactly(green.fqn());

        var current = asSystem(() -> extensions.get(ORG, "narrowed"));
        ExtensionDefinition redOnly = current.definition().toBuilder().allowedIn(List.of(tenant("red"))).build();
        assertThatThrownBy(() -> asSystem(() -> extensions.update(redOnly, current.etag())))
                .isInstanceOf(ExtensionInUseException.class).hasMessageContaining(green.fqn());
        assertThat(asSystem(() -> extensions.get(ORG, "narrowed")).definition().allowedIn()).isEmpty();

        asSystem(() -> extensions.update(redOnly, current.etag(), InUse.DETACH));
        assertThat(attached(red)).containsExactly(ext("narrowed"));
        assertThat(attached(green)).isEmpty();
    }

    @Test
    void unassigningATenantGuardsItsAttachments() {
        extension("assigned", "red", "green");
        TargetRef green = gateway("green", "gw-unassign");
        asSystem(() -> attachments.attach(green, Attachment.of(ext("assigned")), null));
        assertThatThrownBy(() -> asSystem(() -> assignments.unassign(ORG, tenant("green"), List.of("assigned"))))
                .isInstanceOf(ExtensionInUseException.class);
        assertThat(attached(green)).containsExactly(ext("assigned"));
        asSystem(() -> assignments.unassign(ORG, tenant("green"), List.of("assigned"), false, InUse.DETACH));
        assertThat(attached(green)).isEmpty();
    }

    @Test
    void deletingATenantDeletesItsWorkspacesAndKeepsOtherTenantsAttachments() {
        asSystem(() -> tenants.create(ORG, "doomed", null));
        extension("shared", "doomed", "blue");
        TargetRef doomed = gateway("doomed", "gw-doomed");
        TargetRef blue = gateway("blue", "gw-blue");
        asSystem(() -> attachments.attach(doomed, Attachment.of(ext("shared")), null));
        asSystem(() -> attachments.attach(blue, Attachment.of(ext("shared")), null));
        asSystem(() -> tenants.delete(ORG, "doomed"));
        assertThat(asSystem(() -> attachments.whereUsed(ext("shared")))).extracting(u -> u.ref().fqn())
                .containsExactly(blue.fqn());
        assertThat(asSystem(() -> extensions.get(ORG, "shared")).definition().allowedIn())
                .containsExactly(tenant("blue"));
    }

    @Test
    void operatorsReadTheirTenantOnlyAndNeverWrite() {
        extension("op-visible");
        TargetRef red = gateway("red", "gw-op-red");
        TargetRef green = gateway("green", "gw-op-green");
        asSystem(() -> attachments.attach(red, Attachment.of(ext("op-visible")), null));
        asSystem(() -> attachments.attach(green, Attachment.of(ext("op-visible")), null));
        assertThat(as(userDetails, "att-op-red", () -> attachments.whereUsed(ext("op-visible"))))
                .extracting(u -> u.ref().fqn()).containsExactly(red.fqn());
        assertThat(as(userDetails, "att-op-red", () -> topology.topology(tenant("red"))).workspaces()).isNotEmpty();
        assertThatThrownBy(() -> as(userDetails, "att-op-red", () -> topology.topology(tenant("green"))))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(userDetails, "att-op-red", () -> attachments.detach(red, ext("op-visible"), null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThat(as(userDetails, "att-op-red", () -> attachments.preview(red, ext("op-visible"))))
                .contains("kind: WasmPlugin", "namespace: ingress", "app: gw-op-red");
    }

    @Test
    void deletingAWorkspaceTakesItsAttachments() {
        extension("ws-del");
        TargetRef gw = gateway("blue", "gw-ws-del");
        asSystem(() -> attachments.attach(gw, Attachment.of(ext("ws-del")), null));
        asSystem(() -> topology.deleteWorkspace(gw.tenant(), gw.workspace()));
        assertThat(asSystem(() -> attachments.whereUsed(ext("ws-del")))).isEmpty();
        asSystem(() -> extensions.delete(ORG, "ws-del", null));
    }

    @Test
    void everyChangeIsInTheAuditTrailAndARefusedOneIsNot() {
        extension("audited");
        TargetRef gw = gateway("blue", "gw-audited");
        extension("audited-too");
        asSystem(() -> attachments.attach(gw, Attachment.of(ext("audited")), null));
        asSystem(() -> attachments.attach(gw, Attachment.of(ext("audited-too")), null));
        asSystem(() -> attachments.detach(gw, ext("audited-too"), null));
        assertThatThrownBy(() -> asSystem(() -> attachments.attach(gw, Attachment.of(ext("no-such")), null)))
                .isInstanceOf(ValidationException.class);
        asSystem(() -> extensions.delete(ORG, "audited", null, InUse.DETACH));
        List<AuditEntry> records = asSystem(() -> audit.list(new AuditFilter(null, gw.fqn(), null, null, null),
                PageRequest.of(0, 50)));
        assertThat(records).extracting(AuditEntry::action)
                .containsExactlyInAnyOrder(AuditAction.CREATE, AuditAction.ATTACH, AuditAction.ATTACH,
                        AuditAction.DETACH, AuditAction.DETACH);
        assertThat(records).extracting(AuditEntry::summary).anyMatch(x -> x.contains("attached audited"))
                .anyMatch(x -> x.contains("detached audited (extension deleted)"))
                .noneMatch(x -> x.contains("no-such"));
    }

    @Test
    void aRefusedTenantDeleteKeepsItsWorkspaces() {
        asSystem(() -> tenants.create(ORG, "kept", null));
        extension("kept-only", "kept");
        TargetRef gw = gateway("kept", "gw-kept");
        asSystem(() -> attachments.attach(gw, Attachment.of(ext("kept-only")), null));
        // kept is the only tenant of kept-only: the delete is refused (it would open it to all tenants).
        assertThatThrownBy(() -> asSystem(() -> tenants.delete(ORG, "kept"))).isInstanceOf(ConflictException.class);
        assertThat(attached(gw)).containsExactly(ext("kept-only"));
    }

    @Test
    void staleEtagIsRefusedAndTheReplaceKeepsRowsOfExtensionsThatStay() {
        extension("stay-a");
        extension("stay-b");
        TargetRef gw = gateway("blue", "gw-etag");
        StoredTarget first = asSystem(() -> attachments.attach(gw, Attachment.of(ext("stay-a")), null));
        StoredTarget second = asSystem(() -> attachments.attach(gw, Attachment.of(ext("stay-b")), first.etag()));
        assertThatThrownBy(() -> asSystem(() -> attachments.detach(gw, ext("stay-a"), first.etag())))
                .isInstanceOf(ConflictException.class);
        // Reordered: both extensions stay attached, in the new order (the unique key never sees two rows).
        TargetDefinition reordered = second.definition().withAttachments(List.of(
                Attachment.of(ext("stay-b")), Attachment.of(ext("stay-a"))));
        asSystem(() -> attachments.save(reordered, second.etag()));
        assertThat(attached(gw)).containsExactly(ext("stay-b"), ext("stay-a"));
    }

    /**
     * An attach and a narrowing of the same extension at the same moment: the narrowing's guard
     * cannot see the attachment while it is uncommitted, so without the attach's version bump both
     * would commit and leave an attachment the extension's allowedIn forbids. Whichever order the
     * database lets them finish in, exactly one of them wins and the result is consistent.
     */
    @Test
    void aConcurrentAttachAndNarrowingNeverBothCommit() throws Exception {
        extension("raced");
        TargetRef green = gateway("green", "gw-race");
        CountDownLatch attachedUncommitted = new CountDownLatch(1);
        CountDownLatch narrowingDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> attach = pool.submit(() -> asSystem(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(status -> {
                        attachments.attach(green, Attachment.of(ext("raced")), null);
                        attachedUncommitted.countDown();
                        try {
                            narrowingDone.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    })));
            assertThat(attachedUncommitted.await(30, TimeUnit.SECONDS)).isTrue();
            var current = asSystem(() -> extensions.get(ORG, "raced"));
            ExtensionDefinition redOnly = current.definition().toBuilder().allowedIn(List.of(tenant("red"))).build();
            boolean narrowed;
            try {
                asSystem(() -> extensions.update(redOnly, current.etag()));
                narrowed = true;
            } catch (RuntimeException refusedOrBlocked) {
                narrowed = false;
            } finally {
                narrowingDone.countDown();
            }
            boolean attachCommitted;
            try {
                attach.get(30, TimeUnit.SECONDS);
                attachCommitted = true;
            } catch (java.util.concurrent.ExecutionException failed) {
                attachCommitted = false;
            }
            assertThat(narrowed ^ attachCommitted).as("exactly one of them commits (narrowed=%s, attached=%s)",
                    narrowed, attachCommitted).isTrue();
            List<String> allowedIn = asSystem(() -> extensions.get(ORG, "raced")).definition().allowedIn();
            if (narrowed) {
                assertThat(allowedIn).containsExactly(tenant("red"));
                assertThat(attached(green)).isEmpty();
            } else {
                assertThat(allowedIn).isEmpty();
                assertThat(attached(green)).containsExactly(ext("raced"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
