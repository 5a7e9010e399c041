package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantService;

/**
 * Tenant management as an admin does it: create a tenant, open its page, assign an extension with
 * the searchable picker, see it under "Assigned to this tenant". Creates its own tenant and
 * extension with unique names and deletes them afterwards; the sample data is left as it is.
 */
class TenantsTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String tenant = "e2e-team-" + suffix;
    private final String extension = "e2e-assign-" + suffix;

    @AfterEach
    void cleanUp() {
        asSystem(() -> {
            if (extensions.find("tse", extension).isPresent()) {
                extensions.deleteAll("tse", List.of(extension));
            }
            if (tenants.find("tse", tenant).isPresent()) {
                tenants.delete("tse", tenant);
            }
        });
    }

    private Locator visible(String selector) {
        return page.locator(selector).filter(new Locator.FilterOptions().setVisible(true));
    }

    @Test
    void adminCreatesATenantAndAssignsAnExtensionFromItsPage() {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name(extension)
                .displayName("Assigned in the browser test").url("oci://docker.io/example/e2e-assign:1.0")
                .allowedIn(List.of("organizations/tse/tenants/payments")).build()));
        signInAsAdmin();
        page.navigate(url("/tenants"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tenants"))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create tenant")).click();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill("Bad Name");
        assertThat(page.getByText("is not a DNS label").first()).isVisible();
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(tenant);
        page.getByLabel("Display name", new Page.GetByLabelOptions().setExact(true)).fill("E2E team");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create").setExact(true)).click();
        assertThat(visible("vaadin-grid.tenant-grid .tenant-name").filter(
                new Locator.FilterOptions().setHasText(tenant))).isVisible();
        assertThat(visible("vaadin-grid.tenant-grid .tenant-name").filter(
                new Locator.FilterOptions().setHasText("payments"))).isVisible();
        assertThat(page.locator("vaadin-dialog.tenant-dialog")).hasCount(0);
        assertThat(page.getByText("Created tenant " + tenant)).isVisible();
        screenshot("tenants-list");

        visible("vaadin-grid.tenant-grid .tenant-name").filter(new Locator.FilterOptions().setHasText(tenant)).click();
        assertThat(page).hasURL(url("/tenants/" + tenant));
        assertThat(page.getByText("No extension is assigned to " + tenant + " yet.", new Page.GetByTextOptions()
                .setExact(false))).isVisible();

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign extensions…")).click();
        page.getByLabel("Search extensions").fill(extension);
        Locator pickerNames = visible("vaadin-grid.picker-grid .extension-name");
        assertThat(pickerNames).hasCount(1);
        assertThat(pickerNames).hasText(extension);
        visible("vaadin-grid.picker-grid vaadin-checkbox").last().click();
        Locator assign = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign 1"));
        assertThat(assign).isEnabled();
        screenshot("tenant-assign-picker");
        assign.click();

        assertThat(visible("vaadin-grid.assigned-grid .extension-name")).hasText(extension);
        assertThat(page.locator(".assigned-section .match-count")).hasText("1 extension");
        assertThat(visible("vaadin-grid.all-tenants-grid .extension-name").first()).isVisible();
        assertThat(page.getByRole(AriaRole.DIALOG)).hasCount(0); // the picker has finished closing
        screenshot("tenant-page");

        page.getByText("← Tenants").click();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete " + tenant).setExact(true)).click();
        Locator confirm = page.locator("vaadin-confirm-dialog.tenant-delete-dialog");
        assertThat(confirm.getByText(extension)).isVisible();
        screenshot("tenant-delete-confirm");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete tenant").setExact(true)).click();
        assertThat(page.getByText("Deleted tenant " + tenant)).isVisible();
        assertThat(visible("vaadin-grid.tenant-grid .tenant-name").filter(
                new Locator.FilterOptions().setHasText(tenant))).hasCount(0);
    }
}
