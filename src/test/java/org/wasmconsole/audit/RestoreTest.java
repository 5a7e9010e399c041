package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.tenant.TenantService;

/** Restoring a recorded version goes through the extension service's rules and is recorded itself. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestoreTest {

    static final String ORG = "audit-restore";

    @Autowired
    AuditService audit;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    org.wasmconsole.attachment.TopologyService topology;
    @Autowired
    org.wasmconsole.attachment.AttachmentService attachments;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            tenants.create(ORG, "green", null);
        });
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    static ExtensionDefinition.Builder extension(String name) {
        return ExtensionDefinition.builder().organization(ORG).name(name).url("oci://docker.io/example/" + name + ":1.0");
    }

    List<AuditEntry> history(String name) {
        return asSystem(() -> audit.extensionHistory(ORG, name));
    }

    /** Issue #16: restoring a deleted extension says where it was attached and can attach it there again. */
    @Test
    void aDeletedExtensionIsReattachedWhereItWasIfThePlaceStillExists() {
        String name = unique("rs-reattach");
        String tenant = "organizations/" + ORG + "/tenants/green";
        var ws = unique("ws");
        var kept = new org.wasmconsole.attachment.TargetRef(org.wasmconsole.attachment.TargetKind.INGRESS_GATEWAY,
                tenant, ws, "gg", "kept");
        var gone = new org.wasmconsole.attachment.TargetRef(org.wasmconsole.attachment.TargetKind.INGRESS_GATEWAY,
                tenant, ws, "gg", "gone");
        asSystem(() -> {
            StoredExtension e = extensions.create(extension(name).build());
            topology.saveWorkspace(new org.wasmconsole.attachment.WorkspaceInfo(tenant, ws, null));
            topology.saveGroup(new org.wasmconsole.attachment.GroupInfo(tenant, ws,
                    org.wasmconsole.attachment.GroupKind.GATEWAY, "gg", null));
            for (var ref : List.of(kept, gone)) {
                attachments.save(new org.wasmconsole.attachment.TargetDefinition(ref, null, "ingress",
                        java.util.Map.of("app", ref.name()), List.of(org.wasmconsole.attachment.Attachment.of(e.fqn()))),
                        null);
            }
            extensions.delete(ORG, name, null, org.wasmconsole.extension.InUse.DETACH);
            attachments.delete(gone, null);
        });
        AuditEntry deleted = history(name).getFirst();
        assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);
        assertThat(asSystem(() -> audit.detachedByDeletion(deleted.id())).places())
                .containsExactly(gone.fqn(), kept.fqn());

        Reattachment result = asSystem(() -> audit.restoreAndReattach(deleted.id(), true));
        assertThat(result.reattached()).containsExactly(kept.fqn());
        assertThat(result.skipped()).singleElement().asString().startsWith(gone.fqn() + ": it no longer exists");
        assertThat(asSystem(() -> attachments.get(kept)).definition().attachments())
                .extracting(org.wasmconsole.attachment.Attachment::fqn)
                .containsExactly(ExtensionDefinition.fqn(ORG, name));
    }

    @Test
    void anOlderVersionComesBackThroughUpdateAndIsRecordedAsARestore() {
        String name = unique("rs-update");
        StoredExtension v1 = asSystem(() -> extensions.create(extension(name).priority(1).summary("first").build()));
        StoredExtension v2 = asSystem(() -> extensions.update(v1.definition().toBuilder().priority(2).summary("second")
                .phase(PluginPhase.AUTHZ).build(), v1.etag()));
        AuditEntry created = history(name).getLast();

        StoredExtension restored = asSystem(() -> audit.restore(created.id(), v2.etag()));
        assertThat(restored.definition()).isEqualTo(v1.definition());
        assertThat(asSystem(() -> extensions.get(ORG, name)).definition()).isEqualTo(v1.definition());

        List<AuditEntry> history = history(name);
        assertThat(history).extracting(AuditEntry::action)
                .containsExactly(AuditAction.RESTORE, AuditAction.UPDATE, AuditAction.CREATE);
        assertThat(history.getFirst().summary()).startsWith("restored the version of ")
                .endsWith("(created by system)").contains(AuditService.WHEN.format(created.time()));
        AuditDetails record = asSystem(() -> audit.find(history.getFirst().id())).orElseThrow();
        assertThat(record.after()).isEqualTo(asSystem(() -> audit.find(created.id())).orElseThrow().after());
        assertThat(record.etag()).isEqualTo(restored.etag());
    }

    @Test
    void aStaleEtagIsRefusedAndLeavesNoRecord() {
        String name = unique("rs-stale");
        StoredExtension v1 = asSystem(() -> extensions.create(extension(name).priority(1).build()));
        asSystem(() -> extensions.update(v1.definition().toBuilder().priority(2).build(), v1.etag()));
        long first = history(name).getLast().id();
        assertThatThrownBy(() -> asSystem(() -> audit.restore(first, v1.etag()))).isInstanceOf(ConflictException.class);
        assertThat(history(name)).hasSize(2);
        assertThat(asSystem(() -> extensions.get(ORG, name)).definition().priority()).isEqualTo(2);
    }

    @Test
    void aVersionNamingADeletedTenantIsRefusedByTheRules() {
        String name = unique("rs-tenant");
        String tenant = unique("gone");
        asSystem(() -> tenants.create(ORG, tenant, null));
        String fqn = "organizations/" + ORG + "/tenants/" + tenant;
        StoredExtension v1 = asSystem(() -> extensions.create(extension(name)
                .allowedIn(List.of(fqn, "organizations/" + ORG + "/tenants/green")).build()));
        asSystem(() -> tenants.delete(ORG, tenant));
        StoredExtension current = asSystem(() -> extensions.get(ORG, name));
        long first = history(name).getLast().id();
        assertThatThrownBy(() -> asSystem(() -> audit.restore(first, current.etag())))
                .isInstanceOf(ValidationException.class);
        assertThat(history(name)).hasSize(2);
    }

    @Test
    void aDeletedExtensionComesBackThroughCreate() {
        String name = unique("rs-deleted");
        StoredExtension v1 = asSystem(() -> extensions.create(extension(name).displayName("Gone for a while").build()));
        asSystem(() -> extensions.delete(ORG, name, null));
        AuditEntry deleted = history(name).getFirst();
        assertThat(deleted.action()).isEqualTo(AuditAction.DELETE);

        asSystem(() -> audit.restore(deleted.id(), null));
        assertThat(asSystem(() -> extensions.get(ORG, name)).definition()).isEqualTo(v1.definition());
        assertThat(history(name)).extracting(AuditEntry::action)
                .containsExactly(AuditAction.RESTORE, AuditAction.DELETE, AuditAction.CREATE);
        assertThat(history(name).getFirst().summary()).endsWith("(deleted by system)");
    }

    @Test
    void onlyExtensionRecordsCanBeRestored() {
        String tenant = unique("t");
        asSystem(() -> tenants.create(ORG, tenant, null));
        long tenantRecord = asSystem(() -> audit.list(new AuditFilter(null, "/tenants/" + tenant, null, null, null),
                org.springframework.data.domain.PageRequest.of(0, 5))).getFirst().id();
        assertThatThrownBy(() -> asSystem(() -> audit.restore(tenantRecord, null))).isInstanceOf(NotFoundException.class);
    }
}
