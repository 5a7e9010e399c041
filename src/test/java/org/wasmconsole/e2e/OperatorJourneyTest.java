package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * A tenant operator of "payments": sees exactly what is available to payments, read-only, and
 * nothing else by any screen, URL or export.
 */
class OperatorJourneyTest extends BrowserTest {

    static final String PASSWORD = "operator-password-e2e";

    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;
    @Autowired
    ExtensionService extensions;

    String operator;

    @BeforeEach
    void createOperator() {
        operator = "op-e2e-" + UUID.randomUUID().toString().substring(0, 8);
        asSystem(() -> {
            TenantInfo payments = tenants.list("tse").stream().filter(t -> t.name().equals("payments"))
                    .findFirst().orElseThrow();
            users.create(operator, PASSWORD, Role.TENANT_OPERATOR, Set.of(payments.id()));
        });
        signIn(operator, PASSWORD);
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions")))
                .isVisible();
    }

    /** What the service says payments may see: the expectation, computed from the database. */
    private List<String> availableToPayments() {
        return asSystem(() -> extensions.list(new ExtensionFilter("tse", null, null, null,
                "organizations/tse/tenants/payments"), org.springframework.data.domain.PageRequest.of(0, 500)))
                .stream().map(ExtensionSummary::name).sorted().toList();
    }

    @Test
    void catalogueShowsExactlyWhatIsAvailableToTheTenantWithoutAdminActions() {
        List<String> expected = availableToPayments();
        assertThat(expected).contains("rate-limiter", "geo-ip-block").doesNotContain("wasm-auth", "opa-authz");
        assertThat(page.locator(".match-count")).hasText(expected.size() + " extensions");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create extension")))
                .hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete"))).hasCount(0);
        screenshot("operator-catalogue");
    }

    @Test
    void anotherTenantsExtensionIsNotFoundAndAdminPagesAreRefused() {
        page.navigate(url("/extensions/wasm-auth"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extension not found")))
                .isVisible();
        page.navigate(url("/extensions/rate-limiter"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("rate-limiter")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit"))).hasCount(0);

        page.navigate(url("/extensions/new"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
                .isVisible();
        screenshot("operator-not-allowed");
        for (String adminPage : List.of("/extensions/rate-limiter/edit", "/tenants", "/users")) {
            page.navigate(url(adminPage));
            assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
                    .isVisible();
        }
        // Their own tenant's page is theirs to read (its extensions, gateways and attachments), without
        // a single write button; another tenant's page does not exist for them.
        // Reached from the navigation: one entry per tenant of theirs, no "Tenants" list.
        page.navigate(url("/"));
        Locator nav = page.locator("vaadin-side-nav");
        assertThat(nav.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Tenants")))
                .hasCount(0);
        nav.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Tenant payments")).click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/tenants/payments$"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Workspaces and gateways")))
                .isVisible();
        assertThat(page.getByText("payments-ingress").first()).isVisible();
        for (String write : List.of("Assign extensions", "New workspace", "Attach", "Detach", "Delete")) {
            assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(write))).hasCount(0);
        }
        page.navigate(url("/tenants/checkout"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Tenant checkout was not found")))
                .isVisible();
    }

    @Test
    void extensionAnAdminAssignsToTheTenantAppearsForTheOperator() {
        String name = "e2e-for-payments-" + UUID.randomUUID().toString().substring(0, 6);
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name(name)
                .url("oci://docker.io/example/for-payments:1.0")
                .allowedIn(List.of("organizations/tse/tenants/checkout")).build()));
        try {
            page.navigate(url("/?q=" + name));
            assertThat(page.getByText("No extensions match these filters")).isVisible();

            try (BrowserContext adminContext = newBrowserContext()) {
                Page admin = adminContext.newPage();
                admin.navigate(url("/login"));
                admin.getByLabel("User name").fill("admin");
                admin.getByLabel("Password", new Page.GetByLabelOptions().setExact(true))
                        .fill(org.wasmconsole.ConsoleTest.ADMIN_PASSWORD);
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Log in")).click();
                admin.navigate(url("/tenants/payments"));
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign extensions…")).click();
                admin.getByLabel("Search extensions").fill(name);
                Locator boxes = admin.locator("vaadin-grid.picker-grid vaadin-checkbox")
                        .filter(new Locator.FilterOptions().setVisible(true));
                Locator pickerNames = admin.locator("vaadin-grid.picker-grid .extension-name")
                        .filter(new Locator.FilterOptions().setVisible(true));
                assertThat(pickerNames).hasCount(1);
                assertThat(pickerNames).hasText(name);
                boxes.last().click();
                admin.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Assign 1")).click();
                assertThat(admin.locator("vaadin-grid.assigned-grid .extension-name")
                        .filter(new Locator.FilterOptions().setHasText(name))).isVisible();
            }

            page.navigate(url("/?q=" + name));
            assertThat(page.locator(".match-count")).hasText("1 extension");
        } finally {
            asSystem(() -> extensions.deleteAll("tse", List.of(name)));
        }
    }

    @Test
    void exportContainsOnlyWhatTheOperatorMaySee() throws Exception {
        Download download = page.waitForDownload(() -> page.getByText("Export all matching").click());
        List<ParsedExtension> exported = new ExtensionYaml().read(Files.readString(download.path()));
        assertThat(exported).extracting(p -> p.definition().name()).containsExactlyInAnyOrderElementsOf(
                availableToPayments());
        Locator nav = page.locator("vaadin-side-nav");
        assertThat(nav.getByText("Users")).hasCount(0);
    }
}
