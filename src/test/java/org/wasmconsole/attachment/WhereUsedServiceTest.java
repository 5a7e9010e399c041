package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.attachment.WhereUsedService.UsageGroup;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * "Where used" at any size against the real database: the counts per tenant and workspace from the
 * aggregate query add up to what {@link AttachmentService#whereUsed} lists, a workspace's pages put
 * together are exactly its part of that list in the same order, and an operator counts and reads
 * their own tenants only.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WhereUsedServiceTest {

    static final String ORG = "where-used-test";
    static final String EAST = "organizations/" + ORG + "/tenants/east";
    static final String WEST = "organizations/" + ORG + "/tenants/west";
    static final String X = "organizations/" + ORG + "/extensions/x";
    static final String Y = "organizations/" + ORG + "/extensions/y";

    @Autowired
    WhereUsedService whereUsed;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Where used tests");
            tenants.create(ORG, "east", null);
            TenantInfo west = tenants.create(ORG, "west", null);
            users.create("where-used-op-west", "operator-password-west", Role.TENANT_OPERATOR, Set.of(west.id()));
            extensions.create(ExtensionDefinition.builder().organization(ORG).name("x")
                    .url("oci://docker.io/example/x:1.0").allowedIn(List.of(EAST, WEST)).build());
            extensions.create(ExtensionDefinition.builder().organization(ORG).name("y")
                    .url("oci://docker.io/example/y:1.0").allowedIn(List.of(EAST)).build());
            // east: workspace "beta" with 7 gateways over two groups (x in all but gw-2, y before it in gw-4),
            // workspace "alpha" with 2 security settings attaching x; west: workspace "one" with 1 gateway
            gateways(EAST, "beta", "zz-edge", 0, 3);
            gateways(EAST, "beta", "edge", 3, 7);
            topology.saveWorkspace(new WorkspaceInfo(EAST, "alpha", null));
            topology.saveGroup(new GroupInfo(EAST, "alpha", GroupKind.SECURITY, "sec", null));
            for (int i = 0; i < 2; i++) {
                attachments.save(new TargetDefinition(new TargetRef(TargetKind.SECURITY_SETTING, EAST, "alpha", "sec",
                        "s-" + i), null, "sec", Map.of("app", "s-" + i), List.of(Attachment.of(X))), null);
            }
            gateways(WEST, "one", "edge", 0, 1);
            return null;
        });
    }

    private void gateways(String tenant, String workspace, String group, int from, int to) {
        if (topology.findWorkspace(tenant, workspace).isEmpty()) {
            topology.saveWorkspace(new WorkspaceInfo(tenant, workspace, null));
        }
        topology.saveGroup(new GroupInfo(tenant, workspace, GroupKind.GATEWAY, group, null));
        for (int i = from; i < to; i++) {
            List<Attachment> list = new ArrayList<>();
            if (i == 4) {
                list.add(Attachment.of(Y));
            }
            if (i != 2) {
                list.add(Attachment.of(X));
            }
            TargetKind kind = i == 5 ? TargetKind.EGRESS_GATEWAY : TargetKind.INGRESS_GATEWAY;
            attachments.save(new TargetDefinition(new TargetRef(kind, tenant, workspace, group, "gw-" + i), null,
                    group, Map.of("app", "gw-" + i), list), null);
        }
    }

    @Test
    void theCountsPerTenantAndWorkspaceAddUpToTheWholeList() {
        List<UsageGroup> groups = asSystem(() -> whereUsed.groups(X));

        assertThat(groups).containsExactly(new UsageGroup(EAST, "alpha", 2), new UsageGroup(EAST, "beta", 6),
                new UsageGroup(WEST, "one", 1));
        assertThat(groups.stream().mapToLong(UsageGroup::attachments).sum())
                .isEqualTo(asSystem(() -> attachments.whereUsed(X)).size());
        assertThat(asSystem(() -> whereUsed.groups(Y))).containsExactly(new UsageGroup(EAST, "beta", 1));
    }

    @Test
    void aWorkspacesPagesAreItsPartOfTheWholeListInTheSameOrder() {
        List<Usage> whole = asSystem(() -> attachments.whereUsed(X)).stream()
                .filter(u -> u.ref().tenant().equals(EAST) && u.ref().workspace().equals("beta")).toList();
        List<Usage> paged = new ArrayList<>();
        for (int offset = 0; offset < 8; offset += 4) {
            int from = offset;
            paged.addAll(asSystem(() -> whereUsed.page(X, EAST, "beta", from, 4)));
        }
        assertThat(paged).hasSize(6).containsExactlyElementsOf(whole);
        // group "edge" before "zz-edge"; in it the egress gateway before the ingress ones, as the tenant page lists them
        assertThat(paged).extracting(u -> u.ref().name()).containsExactly("gw-5", "gw-3", "gw-4", "gw-6", "gw-0", "gw-1");
        // the usage says where in the target's list the extension is: after y in gw-4
        assertThat(paged.get(2).index()).isEqualTo(1);
        assertThat(asSystem(() -> whereUsed.page(X, EAST, "nope", 0, 10))).isEmpty();
    }

    @Test
    void anOperatorCountsAndReadsTheirOwnTenantsOnly() {
        assertThat(as(userDetails, "where-used-op-west", () -> whereUsed.groups(X)))
                .containsExactly(new UsageGroup(WEST, "one", 1));
        assertThat(as(userDetails, "where-used-op-west", () -> whereUsed.page(X, WEST, "one", 0, 10)))
                .extracting(u -> u.ref().name()).containsExactly("gw-0");
        assertThatThrownBy(() -> as(userDetails, "where-used-op-west", () -> whereUsed.page(X, EAST, "beta", 0, 10)))
                .isInstanceOf(NotFoundException.class);
        // y is allowed in east only: not visible to the operator of west at all
        assertThatThrownBy(() -> as(userDetails, "where-used-op-west", () -> whereUsed.groups(Y)))
                .isInstanceOf(NotFoundException.class);
    }
}
