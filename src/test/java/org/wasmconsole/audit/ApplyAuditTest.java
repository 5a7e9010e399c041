package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.apply.ApplyReport;
import org.wasmconsole.apply.ApplyService;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.tenant.TenantService;

/** The import (apply) writes through the services: recorded when applied, not at all in a dry run or on an error. */
@ConsoleTest
class ApplyAuditTest {

    @Autowired
    ApplyService apply;
    @Autowired
    AuditService audit;
    @Autowired
    TenantService tenants;

    /** An organization of this class's own: the sample catalogue stays as other tests count it. */
    final String org = unique("audit-apply");

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    String document(String name, String url) {
        return """
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: %s
                  name: %s
                spec:
                  url: %s
                """.formatted(org, name, url);
    }

    List<AuditEntry> records(String name) {
        String fqn = ExtensionDefinition.fqn(org, name);
        return asSystem(() -> audit.list(new AuditFilter(null, fqn, null, null, null), PageRequest.of(0, 20)))
                .stream().filter(e -> e.resourceName().equals(fqn)).toList();
    }

    @Test
    void anAppliedImportIsRecordedADryRunOrAFailedOneIsNot() {
        asSystem(() -> tenants.createOrganization(org, null));
        String good = unique("imp-good");
        String other = unique("imp-other");
        String stream = document(good, "oci://docker.io/example/" + good + ":1.0");

        ApplyReport dry = asSystem(() -> apply.apply(stream, true));
        assertThat(dry.hasErrors()).isFalse();
        assertThat(records(good)).isEmpty();

        ApplyReport failed = asSystem(() -> apply.apply(stream + document(other, "no-scheme"), false));
        assertThat(failed.hasErrors()).isTrue();
        assertThat(records(good)).isEmpty();
        assertThat(records(other)).isEmpty();

        ApplyReport applied = asSystem(() -> apply.apply(stream, false));
        assertThat(applied.applied()).isTrue();
        assertThat(records(good)).singleElement().satisfies(e -> {
            assertThat(e.action()).isEqualTo(AuditAction.CREATE);
            assertThat(e.username()).isEqualTo("system");
        });
        asSystem(() -> apply.apply(document(good, "oci://docker.io/example/" + good + ":2.0"), false));
        assertThat(records(good)).extracting(AuditEntry::action).containsExactly(AuditAction.UPDATE, AuditAction.CREATE);
    }
}
