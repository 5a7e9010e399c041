package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionChanged;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionYaml;

/**
 * Every extension write path (create, update, delete, bulk delete, assignments) leaves exactly one
 * matching record, with who, what and the documents, in the write's own transaction; a refused or
 * failed write leaves none.
 */
class AuditTrailTest extends AuditTrailTestBase {

    AuditTrailTest() {
        super("audit-trail");
    }

    // --- extensions -------------------------------------------------------------------------------

    @Test
    void createIsRecordedWithTheDocumentAfter() {
        String name = unique("rec-create");
        StoredExtension created = create(name);
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.username()).isEqualTo(admin);
            assertThat(e.organization()).isEqualTo(org);
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
        assertThatThrownBy(() -> asAdmin(() -> extensions.delete(org, name, "\"stale\"")))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> extensions.deleteAll(org, List.of(name, "no-such-extension"))))
                .isInstanceOf(NotFoundException.class);
        String invalid = unique("rec-invalid");
        assertThatThrownBy(() -> asAdmin(() -> extensions.create(extension(invalid).url("no-scheme").build())))
                .isInstanceOf(ValidationException.class);

        assertThat(extensionRecords(name)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);
        assertThat(extensionRecords(invalid)).isEmpty();
        assertThat(asAdmin(() -> extensions.find(org, name))).isPresent();
    }

    @Test
    void aRolledBackWriteTakesItsRecordWithIt() {
        String name = unique("rec-rollback");
        new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
            create(name);
            assertThat(extensionRecords(name)).hasSize(1); // there, inside the transaction
            status.setRollbackOnly();
        });
        assertThat(asAdmin(() -> extensions.find(org, name))).isEmpty();
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
        asAdmin(() -> extensions.delete(org, name, v1.etag()));
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
        asAdmin(() -> extensions.deleteAll(org, List.of(first, second)));
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
        asAdmin(() -> assignments.assign(org, tenant("red"), List.of(name, already)));
        List<AuditEntry> records = extensionRecords(name);
        assertThat(records).extracting(AuditEntry::action).containsExactly(AuditAction.ASSIGN, AuditAction.CREATE);
        assertThat(records.getFirst().summary()).isEqualTo("assigned to tenant 'red'");
        AuditDetails d = details(records.getFirst());
        assertThat(d.before()).contains(tenant("blue")).doesNotContain(tenant("red"));
        assertThat(d.after()).contains(tenant("blue")).contains(tenant("red"));
        assertThat(extensionRecords(already)).extracting(AuditEntry::action).containsExactly(AuditAction.CREATE);

        asAdmin(() -> assignments.unassign(org, tenant("red"), List.of(name)));
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
        assertThatThrownBy(() -> asAdmin(() -> assignments.assign(org, tenant("red"), List.of(open))))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> asAdmin(() -> assignments.unassign(org, tenant("red"), List.of(only))))
                .isInstanceOf(ConflictException.class);
        assertThat(extensionRecords(open)).hasSize(1);
        assertThat(extensionRecords(only)).hasSize(1);
    }
}
