package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;

/**
 * Issue #16, the editor as a newcomer meets it: nothing typed is ever discarded, a save that changes
 * nothing is not possible (and text round-trips exactly), every problem of a YAML document shows at
 * once, and a priority that is not a number is said at the field while the preview says it is not current.
 */
class EditorKeepsWhatWasTypedTest extends ExtensionBrowserTest {

    private static final String DESCRIPTION = "# Rate limiting\n\nKeeps *bursts* out.\n";

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator yamlTab() {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Edit as YAML"));
    }

    private Locator formTab() {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Form"));
    }

    private String yamlEditorText() {
        return (String) page.locator(".yaml-pane yaml-editor").evaluate("e => e.codeMirror.getValue()");
    }

    private void setYaml(String text) {
        page.waitForFunction("() => document.querySelector('.yaml-pane yaml-editor')?.codeMirror");
        page.locator(".yaml-pane yaml-editor").evaluate("e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(text);
    }

    @Test
    void anUntouchedEditCannotBeSavedAndADescriptionKeepsItsTrailingNewline() {
        String name = unique("e2e-noop");
        StoredExtension v1 = create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/noop:1.0").description(DESCRIPTION).build());
        signInAsAdmin();
        page.navigate(url("/extensions/" + name + "/edit"));
        assertThat(field("Display name")).isVisible();
        assertThat(button("Save")).isDisabled();
        screenshot("first-hour-edit-untouched");

        field("Display name").fill("Rate limit");
        assertThat(button("Save")).isEnabled();
        field("Display name").fill("");
        assertThat(button("Save")).isDisabled();
        field("Display name").fill("Rate limit");
        button("Save").click();
        assertThat(page).hasURL(url("/extensions/" + name));

        StoredExtension v2 = asSystem(() -> extensions.get(ORG, name));
        assertThat(v2.definition().description()).isEqualTo(DESCRIPTION);
        assertThat(v2.definition()).isEqualTo(v1.definition().toBuilder().displayName("Rate limit").build());
    }

    @Test
    void aYamlDocumentThatCannotBeReadStaysInTheEditorWithEveryProblemMarked() {
        signInAsAdmin();
        page.navigate(url("/extensions/new"));
        yamlTab().click();
        String typed = """
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: Bad_Name
                spec:
                  url: ftp://example.com/filter.wasm
                  phase: BOGUS
                  priority: abc
                """;
        setYaml(typed);
        Locator problems = page.locator(".yaml-problems");
        // Every problem at once: the shape's (phase, priority) and the rules' (name, url).
        assertThat(problems).containsText("spec.phase: 'BOGUS' is not one of");
        assertThat(problems).containsText("spec.priority: must be a whole number");
        assertThat(problems).containsText("Line 5: metadata.name");
        assertThat(problems).containsText("Line 7: spec.url");

        formTab().click();
        assertThat(page.getByText("fix the problems marked in the YAML first")).isVisible();
        assertThat(yamlTab()).hasAttribute("aria-selected", "true");
        assertThat(problems).containsText("spec.phase: 'BOGUS' is not one of");
        assertThat(yamlEditorText()).isEqualTo(typed);
        screenshot("first-hour-yaml-kept");

        // Readable but breaking rules: the form takes it, with the errors shown at their fields.
        setYaml(typed.replace("BOGUS", "AUTHN").replace("abc", "5"));
        assertThat(problems).not().containsText("spec.phase");
        formTab().click();
        assertThat(field("Name")).hasValue("Bad_Name");
        assertThat(page.locator("vaadin-text-field[invalid] [slot='error-message']").first()).isVisible();
        assertThat(field("Priority")).hasValue("5");
    }

    @Test
    void aPriorityThatIsNotANumberIsSaidAtTheFieldAndThePreviewIsMarkedNotCurrent() {
        signInAsAdmin();
        page.navigate(url("/extensions/new"));
        field("Name").fill(unique("e2e-prio"));
        field("URL").fill("oci://docker.io/example/prio:1.0");
        field("Priority").fill("12");
        Locator preview = page.locator(".preview-pane .CodeMirror-code");
        assertThat(preview).containsText("priority: 12");
        Locator note = page.locator(".preview-pane .pane-note");
        assertThat(note).containsText("Exactly what will be saved");

        field("Priority").fill("abc");
        assertThat(field("Priority")).hasValue("abc");
        assertThat(page.locator("[slot='error-message']").filter(new Locator.FilterOptions()
                .setHasText("'abc' is not a whole number"))).isVisible();
        assertThat(note).containsText("Not current: Priority cannot be read as typed");
        assertThat(preview).containsText("priority: 12");
        assertThat(button("Save")).isDisabled();
        screenshot("first-hour-priority-not-a-number");

        field("Priority").fill("");
        assertThat(page.getByText("Empty: saved as 0, the default")).isVisible();
        assertThat(preview).containsText("priority: 0");
        assertThat(note).containsText("Exactly what will be saved");
        assertThat(button("Save")).isEnabled();
    }
}
