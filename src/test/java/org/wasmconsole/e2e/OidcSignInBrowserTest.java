package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.SystemAuthentication;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantDirectory;
import org.wasmconsole.user.GroupMappingService;

/**
 * OIDC sign-in (issue #22) through a real OIDC provider running in the test (mock-oauth2-server: discovery,
 * signed ID tokens, PKCE, end-session) and Debian's Chromium: the provider is down when the console starts
 * (the login page says so, local sign-in works), then up: a group mapped to platform admin lands as an
 * admin, a group mapped to one tenant's operator sees only that tenant, no matching rule is refused on the
 * login page, logout ends the session here and at the provider.
 */
// Its own web context (OIDC configured): run in a JVM of its own, see pom.xml's separate-jvm execution.
@Tag("separate-jvm")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcSignInBrowserTest extends BrowserTest {

    static final String ISSUER_ID = "corp";
    static final String ADMINS = "e2e-mesh-admins";
    static final String PAYMENTS_OPS = "e2e-team-payments-ops";
    static final int PROVIDER_PORT = freePort();
    static final MockOAuth2Server provider = new MockOAuth2Server();

    @DynamicPropertySource
    static void oidc(DynamicPropertyRegistry properties) {
        properties.add("console.oidc.issuer-uri", () -> "http://localhost:" + PROVIDER_PORT + "/" + ISSUER_ID);
        properties.add("console.oidc.client-id", () -> "console-e2e");
        properties.add("console.oidc.client-secret", () -> "e2e-client-secret");
        properties.add("console.oidc.provider-name", () -> "Corp SSO");
        properties.add("console.oidc.retry-after", () -> "0s");
    }

    @Autowired
    GroupMappingService mappings;
    @Autowired
    TenantDirectory tenants;
    @Autowired
    UserService users;
    @Autowired
    AuditService auditService;

    @AfterAll
    static void stopProvider() {
        provider.shutdown();
    }

    @Test
    @Order(1)
    void providerDownAtStartTheLoginPageSaysSoAndLocalSignInWorks() {
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.ALERT).filter(new com.microsoft.playwright.Locator.FilterOptions()
                .setHasText("Sign-in with Corp SSO is unavailable"))).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign in with Corp SSO"))).isDisabled();
        screenshot("oidc-login-provider-down");
        signInAsAdmin();
    }

    @Test
    @Order(2)
    void loginPageOffersTheProviderBesideThePasswordForm() {
        startProvider();
        page.navigate(url("/login"));
        assertThat(page.getByRole(AriaRole.BUTTON, named("Sign in with Corp SSO"))).isEnabled();
        assertThat(page.getByLabel("User name")).isVisible();
        screenshot("oidc-login-light-desktop");
        page.setViewportSize(390, 844);
        screenshot("oidc-login-light-phone");
        page.setViewportSize(1440, 900);
        page.evaluate("document.documentElement.setAttribute('theme', 'dark')");
        screenshot("oidc-login-dark-desktop");
        page.setViewportSize(390, 844);
        screenshot("oidc-login-dark-phone");
    }

    @Test
    @Order(3)
    void aGroupMappedToPlatformAdminSignsInAsAdminAndShowsInUsersWithItsSource() {
        startProvider();
        rules();
        signInWithProvider("alice-sub", "alice", List.of("unrelated", ADMINS));
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).isVisible();
        assertThat(page.locator("vaadin-side-nav-item").filter(hasText("Users"))).isVisible();
        assertThat(page.locator(".user-menu")).containsText("alice@sso");

        page.navigate(url("/users"));
        var row = page.locator("vaadin-grid-cell-content").filter(hasText("alice@sso"));
        assertThat(row.first()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, named("Reset password alice@sso"))).hasCount(0);
        UserInfo alice = asSystem(() -> users.find("alice@sso")).orElseThrow();
        assertThat(alice.provider()).isEqualTo("Corp SSO");
        assertThat(alice.role()).isEqualTo(Role.PLATFORM_ADMIN);
        assertThat(audit("alice@sso", AuditAction.LOGIN)).anySatisfy(e -> assertThat(e.summary())
                .contains("with Corp SSO", "subject alice-sub", "issuer http://localhost:" + PROVIDER_PORT));
    }

    @Test
    @Order(4)
    void aGroupMappedToOneTenantsOperatorSeesOnlyThatTenant() {
        startProvider();
        rules();
        signInWithProvider("bob-sub", "bob", List.of(PAYMENTS_OPS));
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).isVisible();
        var tenantEntries = page.locator("vaadin-side-nav-item").filter(hasText("Tenant "));
        assertThat(tenantEntries).hasCount(1);
        assertThat(tenantEntries).containsText("Tenant payments");
        assertThat(page.locator("vaadin-side-nav-item").filter(hasText("Users"))).hasCount(0);
        page.navigate(url("/users"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Not allowed"))).isVisible();
    }

    @Test
    @Order(5)
    void nobodyWithoutAMatchingRuleGetsInAndTheLoginPageSaysWhy() {
        startProvider();
        rules();
        signInWithProvider("carol-sub", "carol", List.of("strangers"));
        assertThat(page).hasURL(url("/login?sso=refused"));
        assertThat(page.getByRole(AriaRole.ALERT).filter(hasText("none of your groups (strangers)"))).isVisible();
        screenshot("oidc-login-refused");
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
        assertThat(asSystem(() -> users.find("carol@sso"))).isEmpty();
        assertThat(audit("carol@sso", AuditAction.LOGIN_FAILED)).anySatisfy(e -> assertThat(e.summary())
                .contains("Corp SSO", "subject carol-sub", "none of your groups (strangers)"));
    }

    @Test
    @Order(6)
    void logoutEndsTheSessionHereAndAtTheProvider() {
        startProvider();
        rules();
        List<String> requests = new CopyOnWriteArrayList<>();
        page.onRequest(r -> requests.add(r.url()));
        signInWithProvider("alice-sub", "alice", List.of(ADMINS));
        assertThat(page.getByRole(AriaRole.HEADING, named("Extensions"))).isVisible();
        page.locator(".user-menu vaadin-menu-bar-button").first().click();
        page.getByRole(AriaRole.MENUITEM, named("Sign out")).click();
        assertThat(page).hasURL(url("/login"));
        assertThat(requests).anyMatch(u -> u.startsWith("http://localhost:" + PROVIDER_PORT + "/" + ISSUER_ID
                + "/endsession") && u.contains("id_token_hint="));
        page.navigate(url("/"));
        assertThat(page).hasURL(url("/login"));
    }

    @Test
    @Order(7)
    void theMappingScreenListsTheRules() {
        rules();
        signInAsAdmin();
        page.navigate(url("/group-mappings"));
        assertThat(page.getByRole(AriaRole.HEADING, named("Group mappings"))).isVisible();
        assertThat(page.locator("vaadin-grid-cell-content").filter(hasText(PAYMENTS_OPS)).first()).isVisible();
        screenshot("group-mappings-light-desktop");
        page.setViewportSize(390, 844);
        screenshot("group-mappings-light-phone");
        page.setViewportSize(1440, 900);
        page.getByRole(AriaRole.BUTTON, named("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        screenshot("group-mappings-dark-desktop");
        page.setViewportSize(390, 844);
        screenshot("group-mappings-dark-phone");
        page.setViewportSize(1440, 900);
        page.getByRole(AriaRole.BUTTON, named("Switch to the light theme")).click();
    }

    /** The provider answers the next token request with these claims (a real signed ID token). */
    private void signInWithProvider(String subject, String username, List<String> groups) {
        provider.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER_ID, subject, "JWT", List.of("console-e2e"),
                Map.of("preferred_username", username, "groups", groups), 3600));
        page.navigate(url("/login"));
        page.getByRole(AriaRole.BUTTON, named("Sign in with Corp SSO")).click();
    }

    private List<AuditEntry> audit(String user, AuditAction action) {
        return asSystem(() -> auditService.list(new AuditFilter(user, null, action, null, null),
                org.springframework.data.domain.PageRequest.of(0, 50)));
    }

    private void rules() {
        SystemAuthentication.runAsSystem(() -> {
            var existing = mappings.list().stream().map(m -> m.group()).toList();
            if (!existing.contains(ADMINS)) {
                mappings.create(ADMINS, Role.PLATFORM_ADMIN, Set.of());
            }
            if (!existing.contains(PAYMENTS_OPS)) {
                mappings.create(PAYMENTS_OPS, Role.TENANT_OPERATOR,
                        Set.of(tenants.tenant("organizations/tse/tenants/payments").orElseThrow().getId()));
            }
        });
    }

    private static <T> T asSystem(java.util.function.Supplier<T> work) {
        Object[] result = new Object[1];
        SystemAuthentication.runAsSystem(() -> result[0] = work.get());
        @SuppressWarnings("unchecked") T t = (T) result[0];
        return t;
    }

    private static synchronized void startProvider() {
        if (!started) {
            provider.start(PROVIDER_PORT);
            started = true;
        }
    }

    private static boolean started;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name);
    }

    private static com.microsoft.playwright.Locator.FilterOptions hasText(String text) {
        return new com.microsoft.playwright.Locator.FilterOptions().setHasText(text);
    }
}
