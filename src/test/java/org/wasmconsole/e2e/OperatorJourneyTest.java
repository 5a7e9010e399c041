package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

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
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.resource.ExtensionYaml;
import org.wasmconsole.resource.ParsedExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.UserService;
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
        page.navigate(url("/extensions/rate-limiter/edit"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed")))
                .isVisible();
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
