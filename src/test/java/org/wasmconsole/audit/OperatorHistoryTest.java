package org.wasmconsole.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/** Operators learn no other tenant's name from an extension's history (issue #21, item 7). */
@ConsoleTest
class OperatorHistoryTest {

    static final String ORG = "op-history";
    static final String RED = "organizations/" + ORG + "/tenants/red";
    static final String GREEN = "organizations/" + ORG + "/tenants/green";

    @Autowired
    AuditService audit;
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

    @Test
    void anOperatorReadsOnlyTheirOwnTenantsInEveryRecordWhileAnAdminReadsAll() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Operator history");
            TenantInfo red = tenants.create(ORG, "red", null);
            tenants.create(ORG, "green", null);
            users.create("oph-red", "operator-password-red", Role.TENANT_OPERATOR, Set.of(red.id()));
            extensions.create(ExtensionDefinition.builder().organization(ORG).name("shared")
                    .url("oci://docker.io/example/shared:1.0").allowedIn(List.of(RED)).build());
            assignments.assign(ORG, GREEN, List.of("shared"));
        });

        List<AuditEntry> seen = as(userDetails, "oph-red", () -> audit.extensionHistory(ORG, "shared"));
        assertThat(seen).hasSize(2);
        for (AuditEntry entry : seen) {
            assertThat(entry.summary()).doesNotContain("green");
            AuditDetails details = as(userDetails, "oph-red", () -> audit.find(entry.id())).orElseThrow();
            assertThat(details.entry().summary()).doesNotContain("green");
            for (String document : java.util.Arrays.asList(details.before(), details.after())) {
                if (document != null) {
                    assertThat(document).contains(RED).doesNotContain("green");
                }
            }
        }
        assertThat(seen.getFirst().summary()).isEqualTo("assigned to another tenant");

        List<AuditEntry> all = asSystem(() -> audit.extensionHistory(ORG, "shared"));
        assertThat(all.getFirst().summary()).isEqualTo("assigned to tenant 'green'");
        assertThat(asSystem(() -> audit.find(all.getFirst().id())).orElseThrow().after()).contains(GREEN);
    }

    @Test
    void aDocumentNamingOnlyOtherTenantsIsNotShownRatherThanReadAsOpenToAll() {
        OperatorHistory view = new OperatorHistory("o", Set.of("organizations/o/tenants/mine"));
        String others = ExtensionYaml.write(ExtensionDefinition.builder().organization("o").name("x")
                .url("oci://docker.io/example/x:1.0").allowedIn(List.of("organizations/o/tenants/theirs")).build(), null);
        String open = ExtensionYaml.write(ExtensionDefinition.builder().organization("o").name("x")
                .url("oci://docker.io/example/x:1.0").build(), null);

        assertThat(view.document(others)).isNull();
        assertThat(view.document(open)).isEqualTo(open);
        assertThat(view.document("not: [a, document")).isNull();
        assertThat(view.summary("tenant 'mine' was deleted, tenant 'theirs' too"))
                .isEqualTo("tenant 'mine' was deleted, another tenant too");
    }
}
