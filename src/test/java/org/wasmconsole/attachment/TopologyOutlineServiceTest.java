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
import org.wasmconsole.attachment.TopologyOutline.GroupOutline;
import org.wasmconsole.attachment.TopologyOutline.WorkspaceOutline;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;

/**
 * The tenant page's outline against the real database: counts per workspace and group from the
 * aggregate query (empty workspaces and groups included), a group's gateways a page at a time in the
 * page's order, and the tenant scope (an operator of another tenant sees nothing).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TopologyOutlineServiceTest {

    static final String ORG = "outline-test";
    static final String TENANT = "organizations/" + ORG + "/tenants/shop";

    @Autowired
    TopologyOutlineService outlines;
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
            tenants.createOrganization(ORG, "Outline tests");
            tenants.create(ORG, "shop", "Shop");
            TenantInfo other = tenants.create(ORG, "other", null);
            users.create("outline-op-other", "operator-password-other", Role.TENANT_OPERATOR, Set.of(other.id()));
            for (String e : List.of("a", "b", "c")) {
                extensions.create(ExtensionDefinition.builder().organization(ORG).name(e)
                        .url("oci://docker.io/example/" + e + ":1.0").allowedIn(List.of(TENANT)).build());
            }
            // alpha: gateway group "edge" with 7 gateways (i attachments each, 0..2), security group "sec" with
            // 2 settings (one attachment each), an empty gateway group "zz"; beta: no groups; gamma: one empty group
            topology.saveWorkspace(new WorkspaceInfo(TENANT, "alpha", null));
            topology.saveWorkspace(new WorkspaceInfo(TENANT, "beta", null));
            topology.saveWorkspace(new WorkspaceInfo(TENANT, "gamma", null));
            topology.saveGroup(new GroupInfo(TENANT, "alpha", GroupKind.GATEWAY, "edge", null));
            topology.saveGroup(new GroupInfo(TENANT, "alpha", GroupKind.GATEWAY, "zz", null));
            topology.saveGroup(new GroupInfo(TENANT, "alpha", GroupKind.SECURITY, "sec", null));
            topology.saveGroup(new GroupInfo(TENANT, "gamma", GroupKind.GATEWAY, "empty", null));
            for (int i = 0; i < 7; i++) {
                List<Attachment> list = new ArrayList<>();
                for (int k = 0; k < i % 3; k++) {
                    list.add(Attachment.of("organizations/" + ORG + "/extensions/" + List.of("a", "b").get(k)));
                }
                TargetKind kind = i == 3 ? TargetKind.EGRESS_GATEWAY : TargetKind.INGRESS_GATEWAY;
                attachments.save(new TargetDefinition(new TargetRef(kind, TENANT, "alpha", "edge", "gw-" + i), null,
                        "edge", Map.of("app", "gw"), list), null);
            }
            for (int i = 0; i < 2; i++) {
                attachments.save(new TargetDefinition(new TargetRef(TargetKind.SECURITY_SETTING, TENANT, "alpha",
                        "sec", "s-" + i), null, "edge", Map.of("app", "s-" + i), List.of(Attachment.of(
                        "organizations/" + ORG + "/extensions/c"))), null);
            }
            return null;
        });
    }

    @Test
    void theOutlineCountsEveryWorkspaceInOneGoEmptyOnesIncluded() {
        TopologyOutline outline = asSystem(() -> outlines.outline(TENANT));

        assertThat(outline.workspaces()).extracting(w -> w.workspace().name()).containsExactly("alpha", "beta", "gamma");
        WorkspaceOutline alpha = outline.workspaces().getFirst();
        assertThat(alpha.groups()).isEqualTo(3);
        // gateways 0..6 carry 0,1,2,0,1,2,0 attachments = 6; the two settings one each
        assertThat(alpha.counts()).isEqualTo(new TopologyCounts(7, 2, 8));
        assertThat(outline.workspaces().get(1).groups()).isZero();
        assertThat(outline.workspaces().get(1).counts()).isEqualTo(TopologyCounts.NONE);
        assertThat(outline.workspaces().get(2).groups()).isEqualTo(1);
        assertThat(outline.workspaces().get(2).counts()).isEqualTo(TopologyCounts.NONE);
        assertThat(outline.groups()).isEqualTo(4);
        assertThat(outline.counts()).isEqualTo(new TopologyCounts(7, 2, 8));
        // the same numbers as the whole topology read
        TenantTopology whole = asSystem(() -> topology.topology(TENANT));
        assertThat(outline.counts().targets()).isEqualTo(whole.targetCount());
        assertThat(outline.counts().attachments()).isEqualTo(whole.attachmentCount());
    }

    @Test
    void aWorkspaceIsReadAgainAloneAndItsGroupsCarryTheirOwnCounts() {
        assertThat(asSystem(() -> outlines.workspace(TENANT, "alpha")).orElseThrow().counts())
                .isEqualTo(new TopologyCounts(7, 2, 8));
        assertThat(asSystem(() -> outlines.workspace(TENANT, "nope"))).isEmpty();

        List<GroupOutline> groups = asSystem(() -> outlines.groups(TENANT, "alpha"));
        assertThat(groups).extracting(g -> g.group().name()).containsExactly("edge", "zz", "sec");
        assertThat(groups).extracting(GroupOutline::counts).containsExactly(new TopologyCounts(7, 0, 6),
                TopologyCounts.NONE, new TopologyCounts(0, 2, 2));
        assertThat(asSystem(() -> outlines.groups(TENANT, "beta"))).isEmpty();
    }

    @Test
    void aGroupsGatewaysComeAPageAtATimeInThePagesOrder() {
        GroupInfo edge = new GroupInfo(TENANT, "alpha", GroupKind.GATEWAY, "edge", null);
        List<String> all = asSystem(() -> topology.topology(TENANT)).workspaces().getFirst().groups().getFirst()
                .targets().stream().map(t -> t.ref().name()).toList();
        List<String> paged = new ArrayList<>();
        for (int offset = 0; offset < 9; offset += 3) {
            int from = offset;
            paged.addAll(asSystem(() -> outlines.targets(edge, from, 3)).stream().map(t -> t.ref().name()).toList());
        }
        assertThat(paged).containsExactlyElementsOf(all).hasSize(7);
        // by kind, then name, as the whole read lists them: the egress gateway before the ingress ones
        assertThat(paged.getFirst()).isEqualTo("gw-3");
        StoredTarget third = asSystem(() -> outlines.targets(edge, 2, 1)).getFirst();
        assertThat(third.ref().name()).isEqualTo("gw-1");
        assertThat(third.definition().attachments()).hasSize(1);
    }

    @Test
    void anOperatorOfAnotherTenantSeesNothingOfIt() {
        assertThatThrownBy(() -> as(userDetails, "outline-op-other", () -> outlines.outline(TENANT)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(userDetails, "outline-op-other", () -> outlines.targets(
                new GroupInfo(TENANT, "alpha", GroupKind.GATEWAY, "edge", null), 0, 10)))
                .isInstanceOf(NotFoundException.class);
    }
}
