package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantService;

/**
 * The Import screen as an admin uses it: upload a file, read the dry-run report, apply, and find
 * the extensions in the catalogue; a bad document is marked and nothing can be applied.
 */
class ImportTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;

    private final String suffix = UUID.randomUUID().toString().substring(0, 6);
    private final String tenant = "imp-team-" + suffix;
    private final String first = "imp-first-" + suffix;
    private final String second = "imp-second-" + suffix;

    @AfterEach
    void cleanUp() {
        asSystem(() -> {
            for (String name : List.of(first, second)) {
                if (extensions.find("tse", name).isPresent()) {
                    extensions.deleteAll("tse", List.of(name));
                }
            }
            if (tenants.find("tse", tenant).isPresent()) {
                tenants.delete("tse", tenant);
            }
        });
    }

    private String stream() {
        return """
                apiVersion: api.tsb.tetrate.io/v2
                kind: Tenant
                metadata:
                  organization: tse
                  name: %s
                spec:
                  displayName: Imported team
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: %s
                  displayName: First imported
                spec:
                  url: oci://docker.io/example/imported:1.0
                  allowedIn:
                  - organizations/tse/tenants/%s
                  phase: AUTHN
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: %s
                spec:
                  image: docker.io/example/legacy:2.0
                """.formatted(tenant, first, tenant, second);
    }

    private Locator rows() {
        return page.locator("vaadin-grid.apply-grid vaadin-grid-cell-content");
    }

    @Test
    void adminUploadsChecksAndAppliesAFileThenFindsTheExtensionsInTheCatalogue() {
        signInAsAdmin();
        page.locator("vaadin-side-nav-item").filter(new Locator.FilterOptions().setHasText("Import")).click();
        assertThat(page).hasURL(url("/import"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Import"))).isVisible();
        assertThat(page.getByText("Paste or upload YAML, then check it.")).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))).isDisabled();

        page.locator("vaadin-upload.import-upload input[type=file]").setInputFiles(new FilePayload(
                "team.yaml", "application/yaml", stream().getBytes(StandardCharsets.UTF_8)));

        assertThat(page.getByText("Loaded team.yaml")).isVisible();
        assertThat(page.locator(".apply-summary")).containsText("Check passed, nothing saved yet");
        assertThat(page.locator(".apply-summary")).containsText("3 to create");
        // A check says what applying would do, not what happened (issue #16).
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("would create"))).hasCount(3);
        assertThat(rows().filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^created$"))))
                .hasCount(0);
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("organizations/tse/extensions/" + first)))
                .isVisible();
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("spec.image is deprecated"))).isVisible();
        org.assertj.core.api.Assertions.assertThat(asSystem(() -> extensions.find("tse", first))).isEmpty();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("import-checked");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply")).click();
        assertThat(page.getByText("Apply 3 changes?")).isVisible();
        page.locator("vaadin-confirm-dialog").getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions()
                .setName("Apply")).click();
        assertThat(page.locator(".apply-summary")).containsText("Applied");
        assertThat(page.getByText("Applied: 3 created, 0 updated")).isVisible();
        org.assertj.core.api.Assertions.assertThat(asSystem(() -> extensions.get("tse", second)).definition().url())
                .isEqualTo("oci://docker.io/example/legacy:2.0");
        screenshot("import-applied");

        assertThat(rows().filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^created$"))))
                .hasCount(3);

        page.getByText("Open the catalogue").click();
        page.getByLabel("Search extensions").fill("imp-");
        assertThat(page.locator("vaadin-grid .extension-name").filter(new Locator.FilterOptions()
                .setHasText(first))).isVisible();
        assertThat(page.locator("vaadin-grid .extension-name").filter(new Locator.FilterOptions()
                .setHasText(second))).isVisible();
    }

    @Test
    void aBadDocumentIsMarkedOnItsLineAndNothingCanBeApplied() {
        signInAsAdmin();
        page.navigate(url("/import"));
        String bad = stream().replace("phase: AUTHN", "phase: AUTHN\n  priority: high");
        page.waitForFunction("() => document.querySelector('yaml-editor.import-editor')?.codeMirror");
        page.locator("yaml-editor.import-editor").evaluate(
                "e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

        assertThat(page.locator(".apply-summary")).containsText("Nothing can be applied");
        assertThat(rows().filter(new Locator.FilterOptions().setHasText("spec.priority: must be a whole number")))
                .isVisible();
        assertThat(page.locator(".import-editor .CodeMirror-lint-marker-error").first()).isVisible();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Apply"))).isDisabled();
        assertThat(page.locator(".apply-problem")).hasText(java.util.regex.Pattern.compile(
                "^line 20 · spec.priority: must be a whole number"));
        assertThat(page.locator(".yaml-editor-problems")).containsText("Line 20");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("import-error-dark");
        org.assertj.core.api.Assertions.assertThat(asSystem(() -> tenants.find("tse", tenant))).isEmpty();
    }

    /** Issue #16: a dry run reports every problem of a document, the shape's and the rules', at once. */
    @Test
    void aDryRunReportsEveryProblemOfADocumentAtOnce() {
        signInAsAdmin();
        page.navigate(url("/import"));
        String bad = """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: Not_A_Name
                spec:
                  url: ftp://example.com/filter.wasm
                  priority: abc
                """;
        page.waitForFunction("() => document.querySelector('yaml-editor.import-editor')?.codeMirror");
        page.locator("yaml-editor.import-editor").evaluate(
                "e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(bad);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Check")).click();

        assertThat(page.locator(".apply-summary")).containsText("Nothing can be applied");
        Locator problems = page.locator(".apply-problem");
        assertThat(problems).hasCount(3);
        assertThat(problems.filter(new Locator.FilterOptions().setHasText("line 8 · spec.priority: must be a whole"
                + " number"))).hasCount(1);
        assertThat(problems.filter(new Locator.FilterOptions().setHasText("line 5 · metadata.name:"))).hasCount(1);
        assertThat(problems.filter(new Locator.FilterOptions().setHasText("line 7 · spec.url:"))).hasCount(1);
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("import-every-problem");
    }
}
