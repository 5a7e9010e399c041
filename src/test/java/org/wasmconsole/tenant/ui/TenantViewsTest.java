package org.wasmconsole.tenant.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * The tenant list and the tenant page without a browser, as an admin of the sample organization
 * {@code tse}. Each test works on tenants and extensions of its own with unique names and removes
 * them afterwards; the sample data is only read.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantViewsTest extends SpringBrowserlessTest {

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
    private final List<String> createdExtensions = new java.util.ArrayList<>();
    private final List<String> createdTenants = new java.util.ArrayList<>();

    @AfterEach
    void cleanUp() {
        asSystem(() -> {
            extensions.deleteAll(ORG, createdExtensions.stream()
                    .filter(n -> extensions.find(ORG, n).isPresent()).toList());
            createdTenants.stream().filter(t -> tenants.find(ORG, t).isPresent())
                    .forEach(t -> tenants.delete(ORG, t));
        });
        createdExtensions.clear();
        createdTenants.clear();
    }

    private String tenant(String base) {
        String name = "blt-" + base + "-" + suffix;
        asSystem(() -> tenants.create(ORG, name, "Tenant " + base));
        createdTenants.add(name);
        return name;
    }

    private static String fqn(String tenant) {
        return "organizations/" + ORG + "/tenants/" + tenant;
    }

    private String extension(String base, String... allowedIn) {
        String name = "blt-" + base + "-" + suffix;
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + base + ":1.0")
                .allowedIn(java.util.Arrays.stream(allowedIn).map(TenantViewsTest::fqn).toList()).build()));
        createdExtensions.add(name);
        return name;
    }

    private List<String> allowedIn(String extension) {
        return asSystem(() -> extensions.get(ORG, extension)).definition().allowedIn();
    }

    @SuppressWarnings("unchecked")
    private Grid<TenantListView.TenantRow> tenantGrid() {
        return find(Grid.class).withClassName("tenant-grid").single();
    }

    private TenantListView.TenantRow row(String name) {
        var grid = test(tenantGrid());
        return IntStream.range(0, grid.size()).mapToObj(grid::getRow).filter(r -> r.tenant().name().equals(name))
                .findFirst().orElse(null);
    }

    @SuppressWarnings("unchecked")
    private Grid<ExtensionSummary> extensionGrid(String className) {
        return find(Grid.class).withClassName(className).single();
    }

    /** The names in a section's grid; a section with none shows a message instead of an empty grid. */
    @SuppressWarnings("unchecked")
    private List<String> names(String gridClass) {
        if (find(Grid.class).withClassName(gridClass).all().isEmpty()) {
            return List.of();
        }
        var grid = test(extensionGrid(gridClass));
        return IntStream.range(0, grid.size()).mapToObj(i -> grid.getRow(i).name()).toList();
    }

    private void select(String gridClass, String name) {
        var grid = test(extensionGrid(gridClass));
        int index = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in " + gridClass));
        grid.select(index);
    }

    /** Clicks an action of a tenant's row (the cells are rendered components, outside the UI tree). */
    private void rowAction(String tenant, String action) {
        var grid = test(tenantGrid());
        int index = IntStream.range(0, grid.size()).filter(i -> grid.getRow(i).tenant().name().equals(tenant))
                .findFirst().orElseThrow();
        var cell = grid.getCellComponent(index, "actions");
        Button button = cell.getChildren().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> (action + " " + tenant).equals(b.getAriaLabel().orElse(null))).findFirst()
                .orElseThrow();
        test(button).click();
    }

    private void click(String text) {
        test(find(Button.class).withText(text).single()).click();
    }

    private TextField field(Dialog dialog, String label) {
        return find(TextField.class, dialog).withCaption(label).single();
    }

    // --- tenant list -------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("admin")
    void listShowsTheSampleTenantsWithTheirAssignedCounts() {
        String red = tenant("count");
        extension("count-one", red);
        extension("count-two", red, "payments");
        navigate(TenantListView.class);

        assertThat(row("payments")).isNotNull();
        assertThat(row("analytics").tenant().displayName()).isNotNull();
        assertThat(row(red).assigned()).isEqualTo(2);
        assertThat(find(Span.class).withClassName("match-count").single().getText()).endsWith(" tenants");
    }

    @Test
    @WithUserDetails("admin")
    void createShowsTheServiceMessagesAtTheFieldsAndAddsTheTenant() {
        navigate(TenantListView.class);
        click("Create tenant");
        Dialog dialog = find(Dialog.class).withClassName("tenant-dialog").single();

        test(field(dialog, "Name")).setValue("Not_Valid");
        assertThat(field(dialog, "Name").isInvalid()).isTrue();
        assertThat(field(dialog, "Name").getErrorMessage()).contains("is not a DNS label");

        test(field(dialog, "Name")).setValue("payments");
        click("Create");
        assertThat(field(dialog, "Name").getErrorMessage()).contains("already exists");
        assertThat(dialog.isOpened()).isTrue();

        test(field(dialog, "Display name")).setValue("Two\nlines");
        assertThat(field(dialog, "Display name").getErrorMessage()).contains("single line");

        String name = "blt-new-" + suffix;
        createdTenants.add(name);
        test(field(dialog, "Name")).setValue(name);
        test(field(dialog, "Display name")).setValue("Brand new");
        click("Create");

        assertThat(dialog.isOpened()).isFalse();
        assertThat(row(name).tenant().displayName()).isEqualTo("Brand new");
        assertThat(asSystem(() -> tenants.get(ORG, name)).displayName()).isEqualTo("Brand new");
    }

    @Test
    @WithUserDetails("admin")
    void renameChangesTheDisplayName() {
        String name = tenant("rename");
        navigate(TenantListView.class);
        rowAction(name, "Rename");
        Dialog dialog = find(Dialog.class).withClassName("tenant-dialog").single();
        assertThat(field(dialog, "Display name").getValue()).isEqualTo("Tenant rename");

        test(field(dialog, "Display name")).setValue("Renamed tenant");
        click("Save");

        assertThat(row(name).tenant().displayName()).isEqualTo("Renamed tenant");
    }

    @Test
    @WithUserDetails("admin")
    void deleteListsTheAffectedExtensionsAndRemovesTheTenantFromThem() {
        String doomed = tenant("doomed");
        String shared = extension("doomed-shared", doomed, "payments");
        navigate(TenantListView.class);

        rowAction(doomed, "Delete");
        ConfirmDialog dialog = find(ConfirmDialog.class).withClassName("tenant-delete-dialog").single();
        assertThat(test(dialog).getHeader()).isEqualTo("Delete tenant " + doomed + "?");
        assertThat(dialog.getElement().getTextRecursively()).contains(shared)
                .contains("stays available to its other tenants");
        test(dialog).confirm();

        assertThat(row(doomed)).isNull();
        assertThat(asSystem(() -> tenants.find(ORG, doomed))).isEmpty();
        assertThat(allowedIn(shared)).containsExactly(fqn("payments"));
    }

    @Test
    @WithUserDetails("admin")
    void deletingTheOnlyTenantOfAnExtensionIsRefusedWithTheList() {
        String sole = tenant("sole");
        String only = extension("sole-only", sole);
        navigate(TenantListView.class);

        rowAction(sole, "Delete");
        ConfirmDialog dialog = find(ConfirmDialog.class).withClassName("tenant-delete-dialog").single();
        assertThat(test(dialog).getHeader()).isEqualTo("Cannot delete " + sole);
        assertThat(dialog.getElement().getTextRecursively()).contains(only).contains("ALL tenants");
        test(dialog).confirm();

        assertThat(asSystem(() -> tenants.find(ORG, sole))).isPresent();
        assertThat(allowedIn(only)).containsExactly(fqn(sole));
    }

    // --- tenant page -------------------------------------------------------------------------------------

    @Test
    @WithUserDetails("admin")
    void tenantPageSplitsAssignedAndAvailableToAll() {
        String blue = tenant("page");
        String mine = extension("page-mine", blue, "payments");
        String theirs = extension("page-theirs", "payments");
        navigate(TenantDetailsView.class, java.util.Map.of("name", blue));

        assertThat(find(H2.class).single().getText()).isEqualTo("Tenant page");
        assertThat(names("assigned-grid")).containsExactly(mine);
        List<String> open = names("all-tenants-grid");
        assertThat(open).isNotEmpty().doesNotContain(mine, theirs);
        assertThat(open).allMatch(n -> allowedIn(n).isEmpty());
    }

    @Test
    @WithUserDetails("admin")
    void pickerAssignsAndUnassignWorksOnTheSelection() {
        String blue = tenant("pick");
        String first = extension("pick-first", "payments");
        String second = extension("pick-second", "checkout");
        navigate(TenantDetailsView.class, java.util.Map.of("name", blue));
        assertThat(names("assigned-grid")).isEmpty();

        click("Assign extensions…");
        Dialog picker = find(Dialog.class).withClassName("assign-picker").single();
        test(find(TextField.class, picker).withAriaLabel("Search extensions").single()).setValue("pick-first-" + suffix);
        assertThat(names("picker-grid")).containsExactly(first);
        select("picker-grid", first);
        test(find(TextField.class, picker).withAriaLabel("Search extensions").single()).setValue("pick-second-" + suffix);
        select("picker-grid", second);
        click("Assign 2");

        assertThat(names("assigned-grid")).containsExactlyInAnyOrder(first, second);
        assertThat(allowedIn(first)).containsExactly(fqn("payments"), fqn(blue));

        select("assigned-grid", first);
        click("Unassign 1");
        assertThat(names("assigned-grid")).containsExactly(second);
        assertThat(allowedIn(first)).containsExactly(fqn("payments"));
    }

    @Test
    @WithUserDetails("admin")
    void narrowingAndWideningAreConfirmedExplicitly() {
        String green = tenant("narrow");
        String open = extension("narrow-open");
        navigate(TenantDetailsView.class, java.util.Map.of("name", green));
        assertThat(names("all-tenants-grid")).contains(open);

        select("all-tenants-grid", open);
        click("Restrict 1 to this tenant…");
        ConfirmDialog narrowing = find(ConfirmDialog.class).withClassName("narrowing-dialog").single();
        assertThat(narrowing.getElement().getTextRecursively()).contains(open).contains("only");
        test(narrowing).cancel();
        assertThat(allowedIn(open)).isEmpty();

        click("Restrict 1 to this tenant…");
        test(find(ConfirmDialog.class).withClassName("narrowing-dialog").single()).confirm();
        assertThat(allowedIn(open)).containsExactly(fqn(green));
        assertThat(names("assigned-grid")).containsExactly(open);
        assertThat(names("all-tenants-grid")).doesNotContain(open);

        select("assigned-grid", open);
        click("Unassign 1");
        ConfirmDialog widening = find(ConfirmDialog.class).withClassName("widening-dialog").single();
        assertThat(widening.getElement().getTextRecursively()).contains("ALL tenants");
        test(widening).confirm();
        assertThat(allowedIn(open)).isEmpty();
        assertThat(names("assigned-grid")).isEmpty();
    }

    @Test
    @WithUserDetails("admin")
    void unassigningAnExtensionAttachedHereListsTheAttachmentsAndDetachesOnlyWhenConfirmed() {
        String tenant = tenant("detach");
        String used = extension("detach-used", "payments", tenant);
        TargetRef gateway = new TargetRef(TargetKind.INGRESS_GATEWAY, fqn(tenant), "shop", "edge", "public");
        asSystem(() -> {
            topology.saveWorkspace(new WorkspaceInfo(fqn(tenant), "shop", null));
            topology.saveGroup(new GroupInfo(fqn(tenant), "shop", GroupKind.GATEWAY, "edge", null));
            attachments.save(new TargetDefinition(gateway, null, "shop", java.util.Map.of("app", "public"),
                    List.of(Attachment.of("organizations/" + ORG + "/extensions/" + used))), null);
        });
        navigate(TenantDetailsView.class, java.util.Map.of("name", tenant));

        select("assigned-grid", used);
        click("Unassign 1");
        ConfirmDialog detach = find(ConfirmDialog.class).withClassName("detach-on-change-dialog").single();
        assertThat(detach.getElement().getTextRecursively()).contains(gateway.fqn())
                .contains("nothing changes");
        test(detach).cancel();
        assertThat(allowedIn(used)).containsExactly(fqn("payments"), fqn(tenant));
        assertThat(asSystem(() -> attachments.get(gateway)).definition().attachments()).hasSize(1);

        select("assigned-grid", used);
        click("Unassign 1");
        test(find(ConfirmDialog.class).withClassName("detach-on-change-dialog").single()).confirm();
        assertThat(allowedIn(used)).containsExactly(fqn("payments"));
        assertThat(asSystem(() -> attachments.get(gateway)).definition().attachments()).isEmpty();
        assertThat(names("assigned-grid")).doesNotContain(used);
    }

    @Test
    @WithUserDetails("admin")
    void anUnknownTenantSaysSo() {
        navigate(TenantDetailsView.class, java.util.Map.of("name", "no-such-tenant"));
        assertThat(find(H2.class).single().getText()).isEqualTo("Tenant no-such-tenant was not found");
    }
}
