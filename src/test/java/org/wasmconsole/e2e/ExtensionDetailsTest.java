package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

/**
 * The details screen of one extension: every field, the exact YAML with copy and download,
 * the admin actions, and that nothing in a description can run in the page.
 * Extensions this class creates get unique names and are deleted after each test, so that the
 * sample catalogue other tests count stays as it is.
 */
class ExtensionDetailsTest extends ExtensionBrowserTest {

    static final String DIGEST = "sha256:" + "0123456789abcdef".repeat(4);

    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;

    ExtensionDefinition.Builder extension(String name) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0");
    }

    void open(String name) {
        page.navigate(url("/extensions/" + name));
    }

    Locator field(String term) {
        return page.locator(".details-field[data-field='" + term + "'] dd");
    }

    void screenshotWhole(String name) {
        screenshotWhole(name, ".extension-details-view");
    }

    @Test
    void sampleExtensionShowsEveryField() {
        signInAsAdmin();
        context.grantPermissions(List.of("clipboard-read", "clipboard-write"));
        open("wasm-auth");

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("wasm-auth").setLevel(2)))
                .isVisible();
        Locator header = page.locator(".details-header");
        assertThat(header.locator(".details-display-name")).hasText("Wasm Auth");
        assertThat(header.locator(".details-summary")).hasText("short summary");
        assertThat(header.locator(".details-badges")).containsText("Authorization");
        assertThat(header.locator(".details-badges")).containsText("1000");
        assertThat(header.locator(".details-badges")).containsText("IfNotPresent");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to Extensions")))
                .hasAttribute("href", "");
        assertThat(button("Edit wasm-auth")).isVisible();
        assertThat(button("Delete wasm-auth")).isVisible();

        assertThat(field("URL")).containsText("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(field("Registry")).hasText("docker.io");
        assertThat(field("Repository")).hasText("example/my-wasm-extension");
        assertThat(field("Tag")).hasText("1.0");
        assertThat(field("Digest")).hasText("None (not pinned)");
        assertThat(field("Source").getByRole(AriaRole.LINK)).hasAttribute("href", "https://github.com/example/wasm-extension");
        assertThat(field("Source").getByRole(AriaRole.LINK)).hasAttribute("target", "_blank");
        assertThat(field("Pull policy")).hasText("IfNotPresent");
        assertThat(field("Effective pull policy")).containsText("IfNotPresent");
        assertThat(field("Image pull secret")).hasText("regcred");
        assertThat(field("Phase")).containsText("Authorization (AUTHZ)");
        assertThat(field("Phase")).containsText(PluginPhase.AUTHZ.meaning());
        assertThat(field("Priority")).containsText("1000");
        assertThat(field("Priority")).containsText("Higher runs first within a phase");
        assertThat(field("Match mode")).hasText("Client and server");
        assertThat(field("Allowed tenants").locator(".tenant-chip")).hasText("tenant1");
        assertThat(field("FQN")).containsText("organizations/tse/extensions/wasm-auth");
        assertThat(field("Etag").locator(".field-code")).hasText(Pattern.compile("^\".+\"$"));
        assertThat(field("Created")).hasText(Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}"));
        assertThat(field("Last changed")).containsText("by system");
        assertThat(page.locator(".config-card .code-block")).hasText("some_key: some_value\n");
        Locator env = page.locator(".env-table tbody tr");
        assertThat(env).hasCount(2);
        assertThat(env.nth(0)).containsText("LOG_LEVEL");
        assertThat(env.nth(0)).containsText("INLINE");
        assertThat(env.nth(0)).containsText("debug");
        assertThat(env.nth(1)).containsText("POD_NAME");
        assertThat(env.nth(1)).containsText("HOST");
        assertThat(env.nth(1)).containsText("from the proxy's environment");
        assertThat(page.locator(".description-card .markdown-body p"))
                .hasText("Long description such as an entire README file (Markdown)");
        screenshotWhole("details-overview");

        button("Copy FQN").click();
        assertThat(page.getByText("Copied the FQN")).isVisible();
        assertThat(page.evaluate("navigator.clipboard.readText()")).isEqualTo("organizations/tse/extensions/wasm-auth");
    }

    @Test
    void everyFieldFilledInWithMarkdownDigestAndDefaults() {
        String name = unique("dt-rich");
        create(extension(name).displayName("Rich details").summary("Every field filled in, for the screenshots")
                .url("oci://ghcr.io/mesh-filters/rich@" + DIGEST).imagePullPolicy(PullPolicy.ALWAYS)
                .source("https://github.com/example/rich").phase(PluginPhase.AUTHN).priority(-42)
                .config(JsonMapper.builder().build().readTree(
                        "{\"header\":\"x-tenant\",\"limits\":{\"rps\":100,\"burst\":[1,2]},\"enabled\":true,\"port\":\"8080\"}"))
                .env(List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME"),
                        EnvVar.inline("EMPTY", "")))
                .matchMode(WorkloadMode.SERVER)
                .allowedIn(List.of("organizations/tse/tenants/tenant1", "organizations/tse/tenants/payments"))
                .meta(org.wasmconsole.base.ObjectMeta.of(java.util.Map.of("team", "platform",
                        "app.kubernetes.io/part-of", "edge"), java.util.Map.of("tetrate.io/owner", "platform")))
                .description("# Rich filter\n\nChecks **every** request.\n\n## Install\n\n1. Pull it\n2. Attach it\n\n"
                        + "```yaml\nheader: x-tenant\n```\n\nSee [the docs](https://example.com/docs) and `tctl`.\n\n"
                        + "> Note: pinned by digest.\n")
                .build());

        signInAsAdmin();
        open(name);
        assertThat(field("Tag")).hasText("None (untagged)");
        assertThat(field("Digest")).hasText(DIGEST);
        assertThat(field("Pull policy")).hasText("Always");
        assertThat(field("Effective pull policy")).containsText("IfNotPresent");
        assertThat(field("Effective pull policy")).containsText("Pinned by digest");
        assertThat(field("Priority")).containsText("-42");
        assertThat(field("Allowed tenants").locator(".tenant-chip")).hasText(new String[] {"tenant1", "payments"});
        assertThat(field("Labels").locator(".meta-chip"))
                .hasText(new String[] {"app.kubernetes.io/part-of=edge", "team=platform"});
        assertThat(field("Annotations").locator(".meta-chip")).hasText("tetrate.io/owner=platform");
        assertThat(page.locator(".config-card .code-block")).containsText("rps: 100");
        assertThat(page.locator(".config-card .code-block")).containsText("port: \"8080\"");
        Locator markdown = page.locator(".description-card .markdown-body");
        assertThat(markdown.locator("h4.md-h1")).hasText("Rich filter");
        assertThat(markdown.locator("ol li")).hasCount(2);
        assertThat(markdown.locator("pre code")).hasText("header: x-tenant\n");
        Locator link = markdown.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("the docs"));
        assertThat(link).hasAttribute("rel", "nofollow noopener noreferrer");
        assertThat(link).hasAttribute("target", "_blank");
        screenshotWhole("details-overview-rich");
        page.setViewportSize(1280, 800);
        assertThat(page.locator(".details-column")).hasCount(2);
        screenshot("details-overview-1280");
    }

    @Test
    void darkThemeReadsWell() {
        String name = unique("dt-dark");
        create(extension(name).displayName("Dark details").summary("Lumo dark").url("oci://docker.io/example/dark")
                .config(JsonMapper.builder().build().readTree("{\"mode\":\"strict\",\"paths\":[\"/a\",\"/b\"]}"))
                .env(List.of(EnvVar.inline("LOG_LEVEL", "info"), EnvVar.host("POD_NAME")))
                .description("## Dark\n\nA [link](https://example.com), `code` and\n\n```\nblock: true\n```\n")
                .build());
        signInAsAdmin();
        open(name);
        // The app bar's theme switch sets Lumo dark (theme="dark" on <html>) and remembers it; after a
        // reload the page is dark from its first paint, as its user sees it, with no transition half-way.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.reload();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the light theme")))
                .isVisible();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.waitForFunction("() => document.getAnimations().length === 0");
        assertThat(field("Effective pull policy")).containsText("Istio's default when no policy is chosen");
        screenshotWhole("details-dark");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("YAML")).click();
        assertThat(page.locator(".yaml-block")).containsText("name: " + name);
        screenshot("details-yaml-dark");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Where used")).click();
        assertThat(page.getByText("Not attached anywhere")).isVisible();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("details-where-used-dark");
    }

    @Test
    void yamlTabShowsTheExactDocumentAndDownloadsIt() throws Exception {
        signInAsAdmin();
        open("wasm-auth");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("YAML")).click();
        Locator yaml = page.locator(".yaml-block");
        assertThat(yaml).containsText("name: wasm-auth");
        assertThat(yaml).containsText("etag:");
        assertThat(yaml).containsText("kind: WasmExtension");
        String expected = asSystem(() -> ExtensionYaml.write(extensions.get(ORG, "wasm-auth")));
        assertThat(yaml.evaluate("e => e.value")).isEqualTo(expected);
        screenshot("details-yaml");

        Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK,
                new Page.GetByRoleOptions().setName("Download tse-wasm-auth.yaml")).click());
        assertThat(download.suggestedFilename()).isEqualTo("tse-wasm-auth.yaml");
        String text = Files.readString(download.path(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo(expected);
        List<ParsedExtension> parsed = new ExtensionYaml().read(text);
        assertThat(parsed).hasSize(1);
        assertThat(parsed.getFirst().definition().name()).isEqualTo("wasm-auth");
        assertThat(parsed.getFirst().definition().organization()).isEqualTo("tse");
    }

    @Test
    void scriptsInADescriptionNeverRun() {
        String name = unique("dt-xss");
        create(extension(name).description("Harmless *text*.\n\n<script>window.__xss = 'script'</script>\n\n"
                + "<img src=\"x\" onerror=\"window.__xss = 'img'\">\n\n"
                + "<img src=\"https://invalid.invalid/x.png\" onerror=\"window.__xss = 'img2'\">\n\n"
                + "[click me](javascript:window.__xss='link') <a href=\"javascript:alert(1)\">or me</a>\n\n"
                + "<p onmouseover=\"window.__xss = 'hover'\">hover me</p>\n\n"
                + "<iframe src=\"javascript:parent.__xss='frame'\"></iframe>\n")
                .build());
        AtomicInteger dialogs = new AtomicInteger();
        page.onDialog(dialog -> {
            dialogs.incrementAndGet();
            dialog.dismiss();
        });

        signInAsAdmin();
        open(name);
        Locator markdown = page.locator(".description-card .markdown-body");
        assertThat(markdown).containsText("Harmless text.");
        assertThat(markdown).containsText("click me");
        assertThat(markdown.locator("script")).hasCount(0);
        assertThat(markdown.locator("iframe")).hasCount(0);
        assertThat(markdown.locator("[onerror], [onmouseover], [onclick]")).hasCount(0);
        assertThat(markdown.locator("a[href^='javascript' i]")).hasCount(0);
        markdown.getByText("hover me").hover();
        markdown.getByText("click me").click();
        markdown.getByText("or me").click();
        assertThat(page).hasURL(url("/extensions/" + name));
        assertThat(page.evaluate("typeof window.__xss")).isEqualTo("undefined");
        assertThat(dialogs.get()).isZero();
    }

    @Test
    void unknownNameShowsAFriendlyNotFoundState() {
        signInAsAdmin();
        open("no-such-extension-here");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extension not found")))
                .isVisible();
        assertThat(page.getByText("no-such-extension-here")).isVisible();
        assertThat(page).hasTitle(Pattern.compile("not found", Pattern.CASE_INSENSITIVE));
        screenshot("details-not-found");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Back to the catalogue")).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.locator("vaadin-grid.extension-grid")).isVisible();
    }

    @Test
    void deleteAsksForConfirmationThenRemovesTheExtension() {
        String name = unique("dt-delete");
        create(extension(name).summary("To be deleted").build());
        signInAsAdmin();
        open(name);

        button("Delete " + name).click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText("Delete " + name + "?");
        // Issue #16: History can restore it, so the dialog must not say "cannot be undone".
        assertThat(dialog).containsText("An admin can restore it from History.");
        assertThat(dialog).not().containsText("cannot be undone");
        page.waitForFunction("() => !document.querySelector('[opening]')");
        screenshot("details-delete-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Cancel")).click();
        assertThat(dialog).isHidden();
        assertThat(asSystem(() -> extensions.find(ORG, name))).isPresent();

        button("Delete " + name).click();
        page.getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page).hasURL(url("/"));
        assertThat(page.getByText("Deleted " + name)).isVisible();
        assertThat(asSystem(() -> extensions.find(ORG, name))).isEmpty();
    }

    @Test
    void deleteWithAStaleEtagIsRefusedWithTheConflictMessage() {
        String name = unique("dt-stale");
        StoredExtension v1 = create(extension(name).priority(1).build());
        signInAsAdmin();
        open(name);
        assertThat(field("Priority")).containsText("1");

        asSystem(() -> extensions.update(v1.definition().toBuilder().priority(2).build(), v1.etag()));
        button("Delete " + name).click();
        page.getByRole(AriaRole.ALERTDIALOG).getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Delete").setExact(true)).click();
        assertThat(page.getByText("changed by someone else")).isVisible();
        assertThat(page).hasURL(url("/extensions/" + name));
        assertThat(asSystem(() -> extensions.find(ORG, name))).isPresent();
    }

    @Test
    void editNavigatesToTheEditRoute() {
        signInAsAdmin();
        open("wasm-auth");
        button("Edit wasm-auth").click();
        assertThat(page).hasURL(url("/extensions/wasm-auth/edit"));
    }

    @Test
    void operatorReadsWhatTheirTenantMayUseWithoutAdminActions() {
        String operator = unique("dt-op");
        asSystem(() -> {
            TenantInfo payments = tenants.list(ORG).stream().filter(t -> t.name().equals("payments")).findFirst()
                    .orElseThrow();
            users.create(operator, "operator-password", Role.TENANT_OPERATOR, Set.of(payments.id()));
        });
        signIn(operator, "operator-password");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();

        open("wasm-http");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("wasm-http"))).isVisible();
        assertThat(field("Allowed tenants")).containsText("All tenants of the organization");
        assertThat(page.locator(".details-actions")).hasCount(0);
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete wasm-http")))
                .hasCount(0);

        open("wasm-auth");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extension not found")))
                .isVisible();
    }
}
