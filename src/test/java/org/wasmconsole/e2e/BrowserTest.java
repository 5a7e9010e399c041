package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;

/**
 * Base of the browser tests: the running application driven through Debian's Chromium
 * ({@code CHROMIUM_PATH} or {@code -Dchromium.path}, default /usr/bin/chromium); Playwright never
 * downloads a browser. Without Chromium the tests are skipped loudly, unless
 * {@code -De2e.required=true} (as in CI) makes that a failure.
 */
@ConsoleTest
abstract class BrowserTest {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static Playwright playwright;
    private static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;

    /**
     * A failed browser test leaves a picture of where its page was (before the page closes):
     * {@code target/screenshots/failed-<class>-<test>.png}, for a failure that does not happen twice.
     */
    @RegisterExtension
    static final AfterTestExecutionCallback SCREENSHOT_ON_FAILURE = context -> {
        if (context.getExecutionException().isPresent()
                && context.getRequiredTestInstance() instanceof BrowserTest test && test.page != null
                && !test.page.isClosed()) {
            try {
                test.screenshot("failed-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            } catch (RuntimeException unavailable) {
                // the browser itself failed: the test's own error says more
            }
        }
    };

    @BeforeAll
    static void launchBrowser() {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM_PATH",
                System.getProperty("chromium.path", "/usr/bin/chromium")));
        if (!Files.isExecutable(chromium)) {
            String message = "No Chromium at " + chromium + ": browser tests cannot run."
                    + " Install it (apt-get install chromium) or set CHROMIUM_PATH.";
            if (Boolean.getBoolean("e2e.required")) {
                Assertions.fail(message + " (e2e.required=true)");
            }
            System.err.println("\n!!!!!!!!!! SKIPPING BROWSER TESTS: " + message + " !!!!!!!!!!\n");
            Assumptions.abort(message);
        }
        // Shared 2-core machines under load: Vaadin round trips can take seconds.
        com.microsoft.playwright.assertions.PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(chromium)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (playwright != null) {
            playwright.close();
            playwright = null;
        }
    }

    @BeforeEach
    void openPage() {
        context = newBrowserContext();
        page = context.newPage();
    }

    /** A browser of its own (cookies, sessions), sized and patient like the test's own. */
    static BrowserContext newBrowserContext() {
        BrowserContext fresh = browser.newContext(new Browser.NewContextOptions().setViewportSize(1440, 900));
        fresh.setDefaultTimeout(20_000);
        return fresh;
    }

    @AfterEach
    void closePage() {
        context.close();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    void signIn(String user, String password) {
        page.navigate(url("/login"));
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password", new Page.GetByLabelOptions().setExact(true)).fill(password);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Log in")).click();
    }

    void signInAsAdmin() {
        signIn("admin", ConsoleTest.ADMIN_PASSWORD);
        assertThat(page.getByRole(com.microsoft.playwright.options.AriaRole.HEADING,
                new Page.GetByRoleOptions().setName("Extensions"))).isVisible();
    }

    /**
     * Waits until the Vaadin client has no round trip in flight, as Vaadin's TestBench does before every
     * interaction: a click sent while the page is still receiving its first rows can reach a component
     * that the next response replaces, and the server then ignores it.
     */
    void waitForVaadin() {
        page.waitForFunction("() => !!window.Vaadin && !!window.Vaadin.Flow && !!window.Vaadin.Flow.clients"
                + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())");
    }

    void screenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }
}
