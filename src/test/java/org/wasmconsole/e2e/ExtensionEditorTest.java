package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;

/** The create and edit form: valid input saves, each invalid value is refused at its field. */
class ExtensionEditorTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    /** A field's error message (not the screen reader's copy of it). */
    private Locator error(String text) {
        return page.locator("[slot='error-message']").filter(new Locator.FilterOptions().setHasText(text));
    }

    private Locator saveButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true));
    }

    private void openCreate() {
        signInAsAdmin();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create extension")).click();
        assertThat(page).hasURL(url("/extensions/new"));
    }

    @Test
    void validExtensionIsCreatedAndFoundInTheCatalogue() {
        openCreate();
        field("Name").fill("e2e-created");
        field("Display name").fill("Created in a browser");
        field("URL").fill("oci://docker.io/example/e2e-created:1.2.3");
        assertThat(page.getByText("Registry docker.io · repository example/e2e-created · tag 1.2.3")).isVisible();
        field("Priority").fill("42");
        field("Priority").blur();
        field("Description (Markdown)").fill("## Hello\n\nIt *works*.\n\n<script>window.pwned = true</script>");
        page.getByText("Preview of the description").click();
        assertThat(page.locator(".description-preview :is(h4, h5, h6)")).hasText("Hello");
        assertThat(page.locator(".description-preview em")).hasText("works");
        screenshot("editor-create");
        assertThat(saveButton()).isEnabled();
        saveButton().click();

        assertThat(page).hasURL(url("/extensions/e2e-created"));
        assertThat(page.evaluate("() => window.pwned === undefined")).isEqualTo(true);
        StoredExtension saved = asSystem(() -> extensions.get("tse", "e2e-created"));
        assertThat(saved.definition().priority()).isEqualTo(42);
        assertThat(saved.definition().displayName()).isEqualTo("Created in a browser");
        page.navigate(url("/?q=e2e-created"));
        assertThat(page.locator(".match-count")).hasText("1 extension");
    }

    @Test
    void urlWithoutSchemeOrWithFtpIsRefusedAtTheField() {
        openCreate();
        field("Name").fill("e2e-bad-url");
        field("URL").fill("example/x:1.0");
        assertThat(error("(read as oci://example/x:1.0) is not a valid OCI reference")).isVisible();
        assertThat(saveButton()).isDisabled();
        field("URL").fill("ftp://example.com/filter.wasm");
        assertThat(error("must start with oci://, http://, https:// or file://")).isVisible();
        screenshot("editor-url-error");
        assertThat(saveButton()).isDisabled();
        assertThat(asSystem(() -> extensions.find("tse", "e2e-bad-url"))).isEmpty();
    }

    @Test
    void priorityOutsideTheInt32RangeOrWithLettersIsRefusedAtTheField() {
        openCreate();
        field("Name").fill("e2e-bad-priority");
        field("URL").fill("oci://docker.io/example/x:1.0");
        field("Priority").fill("2147483648");
        field("Priority").blur();
        assertThat(error("from -2147483648 to 2147483647")).isVisible();
        screenshot("editor-priority-error");
        assertThat(saveButton()).isDisabled();
        field("Priority").fill("");
        field("Priority").pressSequentially("abc");
        assertThat(field("Priority")).hasValue("abc");
        assertThat(error("'abc' is not a whole number")).isVisible();
        assertThat(saveButton()).isDisabled();
        assertThat(asSystem(() -> extensions.find("tse", "e2e-bad-priority"))).isEmpty();
    }

    @Test
    void environmentVariableRulesAreShownOnTheirRows() {
        openCreate();
        field("Name").fill("e2e-bad-env");
        field("URL").fill("oci://docker.io/example/x:1.0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add variable")).click();
        Locator names = page.getByLabel("Variable name");
        names.nth(0).fill("1BAD");
        assertThat(error("'1BAD' is not a valid variable name")).isVisible();

        names.nth(0).fill("LOG_LEVEL");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add variable")).click();
        names.nth(1).fill("LOG_LEVEL");
        assertThat(error("'LOG_LEVEL' is already defined at spec.vmConfig.env[0]")).isVisible();
        assertThat(saveButton()).isDisabled();

        page.getByLabel("Value from").nth(1).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("HOST")).click();
        assertThat(page.getByLabel("Value", new Page.GetByLabelOptions().setExact(true)).nth(1)).isDisabled();
        screenshot("editor-env-errors");
        assertThat(asSystem(() -> extensions.find("tse", "e2e-bad-env"))).isEmpty();
    }

    @Test
    void pullSecretIsOnlyOfferedForOciImagesAndPolicyShowsWhatTakesEffect() {
        openCreate();
        field("URL").fill("oci://docker.io/example/x:latest");
        assertThat(page.getByText("Effective: Always (Istio's default for an image tagged latest)")).isVisible();
        assertThat(field("Image pull secret")).isEnabled();
        field("URL").fill("https://example.com/filter.wasm");
        assertThat(page.getByText("Only for oci:// images")).isVisible();
        assertThat(field("Image pull secret")).isDisabled();
    }

    @Test
    void staleEditOffersReloadOrOverwriteAndOverwriteKeepsMine() {
        StoredExtension v1 = asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse")
                .name("e2e-contested").url("oci://docker.io/example/contested:1.0").priority(1).build()));
        signInAsAdmin();
        page.navigate(url("/extensions/e2e-contested/edit"));
        field("Priority").fill("3");
        field("Priority").blur();
        asSystem(() -> extensions.update(v1.definition().toBuilder().priority(2).build(), v1.etag()));

        saveButton().click();
        Locator dialog = page.getByRole(AriaRole.DIALOG).or(page.getByRole(AriaRole.ALERTDIALOG));
        assertThat(dialog.getByText("Changed by someone else")).isVisible();
        // Issue #16: what they changed is shown, and Enter does not overwrite (nor reload).
        assertThat(dialog.locator(".diff-panel")).containsText("priority: 2");
        assertThat(dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Keep editing")))
                .isFocused();
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot("editor-conflict");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Overwrite")).click();

        assertThat(page).hasURL(url("/extensions/e2e-contested"));
        assertThat(asSystem(() -> extensions.get("tse", "e2e-contested")).definition().priority()).isEqualTo(3);
    }

    @Test
    void previewShowsTheEditAsTheUserTypes() {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name("e2e-preview")
                .url("oci://docker.io/example/preview:1.0").build()));
        signInAsAdmin();
        page.navigate(url("/extensions/e2e-preview/edit"));
        Locator preview = page.locator(".preview-pane .CodeMirror-code");
        assertThat(preview).containsText("name: e2e-preview");
        field("Priority").fill("77");
        field("Display name").fill("Preview me");
        assertThat(preview).containsText("priority: 77");
        assertThat(preview).containsText("displayName: Preview me");
        screenshot("editor-edit-preview");
        setDark();
        screenshot("editor-edit-preview-dark");
    }

    @Test
    void configThatIsNotYamlIsMarkedWithItsLine() {
        openCreate();
        field("Name").fill("e2e-bad-config");
        field("URL").fill("oci://docker.io/example/x:1.0");
        setEditorText(".config-block yaml-editor", "headers:\n  - [unclosed");
        assertThat(page.locator(".config-error")).containsText("Line 2");
        assertThat(saveButton()).isDisabled();
        setEditorText(".config-block yaml-editor", "headers: [x-tenant]");
        assertThat(page.locator(".config-error")).isHidden();
        assertThat(saveButton()).isEnabled();
    }

    @Test
    void editAsYamlMarksEachProblemOnItsLineAndSavesWhenFixed() {
        List<String> pageErrors = new ArrayList<>();
        page.onPageError(pageErrors::add);
        openCreate();
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Edit as YAML")).click();
        screenshot("editor-yaml-mode");
        String yaml = """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: e2e-from-yaml
                spec:
                  url: oci://docker.io/example/from-yaml:1.0
                  phase: BOGUS
                  priority: 5
                  imagePullPolicy: Sometimes
                  vmConfig:
                    env:
                    - name: POD_NAME
                      valueFrom: HOST
                      value: not-allowed
                """;
        setEditorText(".yaml-pane yaml-editor", yaml);
        assertThat(page.locator(".yaml-problems")).containsText("Line 8: spec.phase: 'BOGUS' is not one of");
        assertThat(page.locator(".yaml-problems")).containsText(
                "Line 10: spec.imagePullPolicy: 'Sometimes' is not one of UNSPECIFIED_POLICY, IfNotPresent, Always");
        assertThat(saveButton()).isDisabled();
        screenshot("editor-yaml-errors");

        setEditorText(".yaml-pane yaml-editor", yaml.replace("BOGUS", "AUTHN").replace("Sometimes", "Always"));
        assertThat(page.locator(".yaml-problems")).containsText("Line 15: spec.vmConfig.env[0].value");
        setEditorText(".yaml-pane yaml-editor", yaml.replace("BOGUS", "AUTHN").replace("Sometimes", "Always")
                .replace("      value: not-allowed\n", ""));
        assertThat(page.locator(".yaml-problems")).isHidden();
        saveButton().click();

        assertThat(page).hasURL(url("/extensions/e2e-from-yaml"));
        ExtensionDefinition saved = asSystem(() -> extensions.get("tse", "e2e-from-yaml")).definition();
        assertThat(saved.priority()).isEqualTo(5);
        assertThat(saved.env()).extracting(e -> e.name()).containsExactly("POD_NAME");
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    /** Replaces an editor's text as typing would (CodeMirror loads asynchronously: wait for it). */
    private void setEditorText(String selector, String text) {
        page.waitForFunction("s => document.querySelector(s)?.codeMirror", selector);
        page.locator(selector).evaluate("e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(text);
    }

    private void setDark() {
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
    }
}
