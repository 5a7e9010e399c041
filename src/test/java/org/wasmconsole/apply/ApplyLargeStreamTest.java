package org.wasmconsole.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.tenant.TenantService;

/**
 * Issue #23: apply reads what a stream's documents name 500 names at a time (ExistingExtensions). Over
 * chunk boundaries, two organizations interleaved and every outcome, each document still gets the
 * outcome the one-by-one reading gave: created, unchanged, updated (with its changes), or a conflict
 * for a stale etag, in document order.
 */
@ConsoleTest
class ApplyLargeStreamTest {

    static final String[] ORGS = {"bulk-a", "bulk-b"};

    @Autowired
    ApplyService apply;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;

    static ExtensionDefinition definition(String org, int i, String summary) {
        return ExtensionDefinition.builder().organization(org).name("b-" + i)
                .url("oci://registry.example.com/bulk/b-" + i + ":1.0").summary(summary).build();
    }

    @Test
    void everyDocumentOfALongStreamGetsTheOutcomeOfItsOwnStoredExtension() {
        asSystem(() -> {
            for (String org : ORGS) {
                tenants.createOrganization(org, null);
                for (int i = 0; i < 1200; i += 2) { // the even ones exist before the stream
                    extensions.create(definition(org, i, "before"));
                }
            }
        });
        StoredExtension stale = asSystem(() -> extensions.get(ORGS[1], "b-1002"));
        StringBuilder stream = new StringBuilder();
        List<Outcome> expected = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            String org = ORGS[i % 3 == 0 ? 1 : 0];
            boolean exists = i % 2 == 0;
            if (org.equals(ORGS[1]) && i == 1002) {
                stream.append(ExtensionYaml.write(definition(org, i, "changed"), "\"0123456789abcdef01234567\""));
                expected.add(Outcome.ERROR);
            } else if (exists && i % 4 == 0) {
                stream.append(ExtensionYaml.write(definition(org, i, "changed"), null));
                expected.add(Outcome.UPDATED);
            } else {
                stream.append(ExtensionYaml.write(definition(org, i, "before"), null));
                expected.add(exists ? Outcome.UNCHANGED : Outcome.CREATED);
            }
        }

        ApplyReport report = asSystem(() -> apply.apply(stream.toString(), true));

        assertThat(report.documents()).extracting(DocumentResult::outcome).containsExactlyElementsOf(expected);
        assertThat(report.documents().get(1002).error()).isEqualTo(DocumentResult.ErrorKind.CONFLICT);
        assertThat(report.documents().get(1002).problems().getFirst().message()).contains(stale.etag());
        assertThat(report.documents().get(4).changes()).extracting(FieldChange::path)
                .containsExactly("metadata.description");
        // A dry run, and refused anyway: nothing changed.
        assertThat(asSystem(() -> extensions.get(ORGS[0], "b-4")).definition().summary()).isEqualTo("before");
        assertThat(asSystem(() -> extensions.find(ORGS[0], "b-1"))).isEmpty();
    }
}
