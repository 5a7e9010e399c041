package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;

/**
 * The screens' security headers, and a Content-Security-Policy that Vaadin's pre-compiled bundle
 * works with: every screen is used in Chromium and no policy violation may show up, neither as a
 * {@code securitypolicyviolation} event nor in the console; only an image of a Markdown description
 * from a host that is not configured is blocked (it would let the description track its readers).
 */
class SecurityHeadersBrowserTest extends BrowserTest {

    /** Collects violations from the moment each document starts, before Vaadin's scripts run. */
    static final String COLLECT = "window.__csp = []; document.addEventListener('securitypolicyviolation',"
            + " e => window.__csp.push(e.violatedDirective + ' ' + e.blockedURI));";

    @Autowired
    ExtensionService extensions;

    final List<String> consoleViolations = new ArrayList<>();

    @SuppressWarnings("unchecked")
    List<String> violations() {
        return new ArrayList<>((List<String>) page.evaluate("() => window.__csp || []"));
    }

    void visit(String path, String heading) {
        page.navigate(url(path));
        assertThat(page.locator("h2").first()).isVisible();
        assertThat(page.locator("h2").first()).containsText(heading);
        waitForVaadin();
        assertThat(violations()).as("CSP violations on " + path).isEmpty();
    }

    void waitForVaadin() {
        page.waitForFunction("() => window.Vaadin && window.Vaadin.Flow && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive())");
    }

    @Test
    void everyScreenWorksUnderTheContentSecurityPolicyAndSendsTheHeaders() {
        context.addInitScript(COLLECT);
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy") || m.text().contains("Content-Security-Policy")) {
                consoleViolations.add(m.text());
            }
        });
        Response login = page.navigate(url("/login"));
        Map<String, String> headers = login.allHeaders();
        assertThat(headers.get("content-security-policy")).contains("default-src 'self'", "img-src 'self' data:",
                "object-src 'none'", "frame-ancestors 'self'");
        assertThat(headers.get("x-content-type-options")).isEqualTo("nosniff");
        assertThat(headers.get("referrer-policy")).isEqualTo("same-origin");
        assertThat(headers.get("x-frame-options")).isNotBlank();

        signInAsAdmin();
        Response catalogue = page.navigate(url("/"));
        assertThat(catalogue.allHeaders().get("cache-control")).contains("no-store");
        waitForVaadin();
        assertThat(violations()).isEmpty();

        visit("/extensions/wasm-auth", "");
        for (String tab : List.of("YAML", "Where used", "History")) {
            page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(tab)).click();
            waitForVaadin();
            assertThat(violations()).as("CSP violations on the tab " + tab).isEmpty();
        }
        visit("/extensions/wasm-auth/edit", "Edit wasm-auth");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Edit as YAML")).click();
        assertThat(page.locator(".CodeMirror").first()).isVisible();
        waitForVaadin();
        assertThat(violations()).as("CSP violations in the YAML editor").isEmpty();
        visit("/extensions/new", "Create extension");
        visit("/tenants", "Tenants");
        visit("/tenants/payments", "");
        visit("/users", "Users");
        visit("/history", "History");
        visit("/import", "Import");

        assertThat(consoleViolations).as("CSP messages in the console").isEmpty();
    }

    @Test
    void anImageFromAHostThatIsNotConfiguredIsNotLoaded() {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name("csp-tracker")
                .url("oci://docker.io/example/csp-tracker:1.0")
                .description("Read me ![pixel](http://tracker.example/pixel.png)").build()));
        context.addInitScript(COLLECT);
        List<String> requested = new ArrayList<>();
        page.onRequestFinished(r -> requested.add(r.url())); // a request the CSP blocks fails before the network
        signInAsAdmin();

        page.navigate(url("/extensions/csp-tracker"));
        assertThat(page.locator("img[alt=pixel]")).isAttached();
        page.waitForFunction("() => window.__csp.length > 0");

        assertThat(violations()).isNotEmpty().containsOnly("img-src http://tracker.example/pixel.png");
        assertThat(requested).noneMatch(u -> u.contains("tracker.example"));
    }
}
