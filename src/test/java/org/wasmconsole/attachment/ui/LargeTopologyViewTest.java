package org.wasmconsole.attachment.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.tenant.ui.TenantDetailsView;

/**
 * Large groups and long "Where used" lists show their first cards or rows and a button that says how
 * many are not shown yet (docs/benchmarks.md, item 6): nothing is cut off, the button shows the rest,
 * and the deep link to a gateway past the first cards still finds and marks it.
 */
@ConsoleTest
class LargeTopologyViewTest extends SpringBrowserlessTest {

    static final String ORG = "tse";

    @Autowired
    TenantService tenants;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String tenant = "big-" + suffix;
    private final String extension = "big-ext-" + suffix;

    @AfterEach
    void cleanUp() {
        asSystem(() -> {
            extensions.deleteAll(ORG, extensions.find(ORG, extension).isPresent() ? List.of(extension) : List.of(),
                    org.wasmconsole.extension.InUse.DETACH);
            if (tenants.find(ORG, tenant).isPresent()) {
                topology.workspaces(fqn()).forEach(w -> topology.deleteWorkspace(fqn(), w.name()));
                tenants.delete(ORG, tenant);
            }
        });
    }

    private String fqn() {
        return "organizations/" + ORG + "/tenants/" + tenant;
    }

    /** One workspace "shop", one gateway group "edge" with {@code n} gateways gw-00…, each attaching the extension. */
    private List<TargetRef> gateways(int n) {
        List<TargetRef> refs = new ArrayList<>();
        asSystem(() -> {
            tenants.create(ORG, tenant, "Big " + suffix);
            extensions.create(ExtensionDefinition.builder().organization(ORG).name(extension)
                    .url("oci://docker.io/example/big:1.0").allowedIn(List.of(fqn())).build());
            topology.saveWorkspace(new WorkspaceInfo(fqn(), "shop", null));
            topology.saveGroup(new GroupInfo(fqn(), "shop", GroupKind.GATEWAY, "edge", null));
            for (int i = 0; i < n; i++) {
                TargetRef ref = new TargetRef(TargetKind.INGRESS_GATEWAY, fqn(), "shop", "edge", String.format("gw-%02d", i));
                attachments.save(new TargetDefinition(ref, null, "shop", Map.of("app", "gw"),
                        List.of(Attachment.of("organizations/" + ORG + "/extensions/" + extension))), null);
                refs.add(ref);
            }
            return null;
        });
        return refs;
    }

    private List<TargetCard> cards() {
        return find(TargetCard.class).all();
    }

    @Test
    @WithUserDetails("admin")
    void aLargeGroupShowsItsFirstGatewaysAndTheRestOnAsking() {
        gateways(GroupBlock.FIRST_CARDS + 2);
        navigate(TenantDetailsView.class, Map.of("name", tenant));

        assertThat(cards()).hasSize(GroupBlock.FIRST_CARDS);
        Button more = find(Button.class).withClassName("show-more-targets").single();
        assertThat(more.getText()).isEqualTo("Show 2 more gateways (2 of " + (GroupBlock.FIRST_CARDS + 2)
                + " not shown yet)");
        test(more).click();
        assertThat(cards()).hasSize(GroupBlock.FIRST_CARDS + 2);
        assertThat(more.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void theDeepLinkFindsAGatewayPastTheFirstCards() {
        List<TargetRef> refs = gateways(GroupBlock.FIRST_CARDS + 3);
        TargetRef last = refs.getLast();
        navigate(TenantDetailsView.class, Map.of("name", tenant));
        UI.getCurrent().navigate("tenants/" + tenant, QueryParameters.simple(Map.of("target", last.fqn())));

        List<TargetCard> marked = cards().stream().filter(c -> c.hasClassName("target-highlight")).toList();
        assertThat(marked).hasSize(1);
        assertThat(marked.getFirst().getElement().getTextRecursively()).contains(last.name());
    }

    @Test
    @WithUserDetails("admin")
    void whereUsedShowsTheFirstRowsOfAWorkspaceAndTheRestOnAsking() {
        gateways(WhereUsedWorkspace.FIRST_ROWS + 3);
        WhereUsedPanel panel = new WhereUsedPanel(attachments, "organizations/" + ORG + "/extensions/" + extension,
                extension, true);

        assertThat(panel.usageCount()).isEqualTo(WhereUsedWorkspace.FIRST_ROWS + 3);
        assertThat(rows(panel)).hasSize(WhereUsedWorkspace.FIRST_ROWS);
        Button more = descendants(panel).filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.hasClassName("where-used-more")).findFirst().orElseThrow();
        assertThat(more.getText()).isEqualTo("Show 3 more (3 of 23 not shown yet)");
        more.click();
        assertThat(rows(panel)).hasSize(WhereUsedWorkspace.FIRST_ROWS + 3);
        assertThat(more.isVisible()).isFalse();
    }

    @Test
    @WithUserDetails("admin")
    void aLongWhereUsedStartsWithItsFirstWorkspaceUnfoldedAndReadsAnotherWhenItUnfolds() {
        gateways(WhereUsedPanel.UNFOLD_ALL_LIMIT);
        asSystem(() -> {
            topology.saveWorkspace(new WorkspaceInfo(fqn(), "zoo", null));
            topology.saveGroup(new GroupInfo(fqn(), "zoo", GroupKind.GATEWAY, "edge", null));
            attachments.save(new TargetDefinition(new TargetRef(TargetKind.INGRESS_GATEWAY, fqn(), "zoo", "edge", "gw-z"),
                    null, "zoo", Map.of("app", "gw"), List.of(Attachment.of("organizations/" + ORG + "/extensions/"
                    + extension))), null);
            return null;
        });
        WhereUsedPanel panel = new WhereUsedPanel(attachments, "organizations/" + ORG + "/extensions/" + extension,
                extension, true);

        assertThat(panel.usageCount()).isEqualTo(WhereUsedPanel.UNFOLD_ALL_LIMIT + 1);
        List<WhereUsedWorkspace> workspaces = descendants(panel).filter(WhereUsedWorkspace.class::isInstance)
                .map(WhereUsedWorkspace.class::cast).toList();
        assertThat(workspaces).extracting(w -> w.getElement().getAttribute("data-workspace"))
                .containsExactly("shop", "zoo");
        assertThat(workspaces).extracting(WhereUsedWorkspace::isExpanded).containsExactly(true, false);
        assertThat(workspaces.get(1).getElement().getTextRecursively()).contains("zoo", "1 attachment");
        // the folded workspace has read nothing: only the first one's first rows are built
        assertThat(rows(panel)).hasSize(WhereUsedWorkspace.FIRST_ROWS);
        assertThat(rows(workspaces.get(1))).isEmpty();

        workspaces.get(1).setExpanded(true);
        assertThat(rows(workspaces.get(1))).extracting(r -> r.getElement().getAttribute("data-target"))
                .containsExactly(new TargetRef(TargetKind.INGRESS_GATEWAY, fqn(), "zoo", "edge", "gw-z").fqn());
    }

    private static List<NativeTableRow> rows(Component root) {
        return descendants(root).filter(NativeTableRow.class::isInstance).map(NativeTableRow.class::cast)
                .filter(r -> r.hasClassName("where-used-row")).toList();
    }

    private static Stream<Component> descendants(Component c) {
        return Stream.concat(Stream.of(c), c.getChildren().flatMap(LargeTopologyViewTest::descendants));
    }
}
