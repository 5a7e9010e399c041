package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The YAML editor (base.ui.YamlEditor) in the browser, on the test page YamlEditorTestView. */
class YamlEditorTest extends BrowserTest {

    Locator editable;
    Locator viewer;
    final List<String> pageErrors = new ArrayList<>();

    @BeforeEach
    void openTestPage() {
        page.onPageError(pageErrors::add);
        page.onResponse(response -> {
            if (response.status() >= 400 && response.url().matches(".*/(webjars|frontend)/.*")) {
                pageErrors.add(response.status() + " " + response.url());
            }
        });
        signInAsAdmin();
        page.navigate(url("/test/yaml-editor"));
        editable = page.locator("#editable");
        viewer = page.locator("#viewer");
        // CodeMirror is loaded from the WebJar: a wrong version or blocked path fails here.
        assertThat(editable.locator(".CodeMirror")).isVisible();
        assertThat(viewer.locator(".CodeMirror")).isVisible();
        assertThat(page.locator("#empty .CodeMirror")).isVisible();
    }

    @Test
    void typingReachesTheServerDebouncedAndOnLeaving() {
        Locator input = page.getByLabel("Plugin configuration");
        assertThat(input).hasAttribute("role", "textbox");
        // The input is CodeMirror's hidden text area: a user clicks the text, which focuses it.
        editable.locator(".CodeMirror-code").click();
        page.keyboard().press("Control+End");
        editable.evaluate("e => { e.addEventListener('keydown', () => window.lastKey = performance.now(), true);"
                + " e.addEventListener('value-changed', () => window.sentAt = performance.now()); }");
        String typed = "replicas: 3";
        page.keyboard().type(typed);
        long typedAt = System.nanoTime();
        assertThat(page.locator("#echo")).containsText("replicas: 3");
        System.out.printf("yaml-editor: value-changed %.0f ms after the last key; on the server (seen by the test) after %d ms%n",
                ((Number) page.evaluate("() => window.sentAt - window.lastKey")).doubleValue(),
                (System.nanoTime() - typedAt) / 1_000_000);
        // One event for the whole burst of keystrokes, not one per key.
        String changes = page.locator("#changes").textContent();
        int events = Integer.parseInt(changes.split(" ")[0]);
        assertTrue(events < typed.length(), "debounced: " + changes);

        // Tab indents with spaces; Esc then Tab leaves the editor and sends the edit at once.
        page.keyboard().press("Enter");
        page.keyboard().press("Tab");
        page.keyboard().type("x");
        page.keyboard().press("Escape");
        page.keyboard().press("Tab");
        assertTrue((Boolean) page.evaluate("() => document.activeElement.closest('yaml-editor') === null"),
                "Esc, Tab moves the focus out of the editor");
        assertThat(page.locator("#echo")).containsText("replicas: 3\n  x");
        assertEquals(INITIAL_PLUS("replicas: 3\n  x"), editable.evaluate("e => e.codeMirror.getValue()"));

        // Shift-Tab at the start of a line leaves backwards, too.
        editable.locator(".CodeMirror-line").first().click();
        page.keyboard().press("Home");
        page.keyboard().press("Shift+Tab");
        assertTrue((Boolean) page.evaluate("() => document.activeElement.closest('#editable') === null"));
    }

    private static String INITIAL_PLUS(String end) {
        return YamlEditorTestView.INITIAL + end;
    }

    @Test
    void valueFromTheServerIsShownWithoutComingBack() {
        button("Load from server").click();
        assertThat(editable.locator(".CodeMirror-lines")).containsText("sample-from-server");
        assertThat(page.locator("#echo")).containsText("sample-from-server");
        // Focus in and out: nothing was edited, so nothing is sent.
        editable.locator(".CodeMirror-code").click();
        button("Set markers").focus();
        waitForServer();
        assertThat(page.locator("#changes")).hasText("0 changes from the client");
    }

    @Test
    void markersShowInTheGutterWithTheirMessage() {
        button("Set markers").click();
        Locator error = editable.locator(".CodeMirror-lint-marker-error").first();
        assertThat(error).isVisible();
        assertThat(editable.locator(".CodeMirror-lint-marker-warning")).isVisible();
        assertThat(editable.locator(".CodeMirror-lint-marker-error")).hasCount(2);
        // "WasmExtension" on line 2 is underlined from column 7.
        assertThat(editable.locator(".CodeMirror-lint-mark-error")).hasText("WasmExtension");
        error.hover();
        assertThat(page.locator(".CodeMirror-lint-tooltip")).containsText("kind must be WasmPlugin");
        // Screen readers: the gutter is aria-hidden, so the input is described by the messages.
        Locator input = page.getByLabel("Plugin configuration");
        assertThat(input).hasAttribute("aria-invalid", "true");
        String problems = (String) input.evaluate("i => document.getElementById(i.getAttribute('aria-describedby')).textContent");
        assertTrue(problems.contains("Line 2, column 7, error: kind must be WasmPlugin"), problems);
        screenshot("yaml-editor-markers");

        button("Clear markers").click();
        assertThat(editable.locator(".CodeMirror-lint-marker")).hasCount(0);
        assertFalse(input.evaluate("i => i.hasAttribute('aria-describedby')").equals(Boolean.TRUE));
    }

    @Test
    void readOnlyCannotBeTypedIntoButCanBeSelected() {
        Locator input = page.getByLabel("Stored resource");
        assertThat(input).hasAttribute("aria-readonly", "true");
        viewer.locator(".CodeMirror-line").first().click();
        page.keyboard().type("zzz");
        page.keyboard().press("Enter");
        page.keyboard().press("Backspace");
        assertEquals(YamlEditorTestView.INITIAL, viewer.evaluate("e => e.codeMirror.getValue()"));
        assertThat(viewer.locator(".CodeMirror-lines")).not().containsText("zzz");
        page.keyboard().press("Control+A");
        assertEquals(YamlEditorTestView.INITIAL, viewer.evaluate("e => e.codeMirror.getSelection()"));
        // No trap: Tab moves on at once in a viewer.
        page.keyboard().press("Tab");
        assertTrue((Boolean) page.evaluate("() => document.activeElement.closest('#viewer') === null"));

        // setReadOnly(true) later, from the server, reaches CodeMirror too.
        button("Make read-only").click();
        assertThat(editable).hasAttribute("readonly", "");
        editable.locator(".CodeMirror-line").first().click();
        page.keyboard().type("zzz");
        waitForServer();
        assertEquals(YamlEditorTestView.INITIAL, editable.evaluate("e => e.codeMirror.getValue()"));
        assertThat(page.locator("#changes")).hasText("0 changes from the client");
    }

    @Test
    void placeholderShowsInAnEmptyEditor() {
        assertThat(page.locator("#empty .CodeMirror-placeholder")).hasText("key: value");
    }

    @Test
    void followsLumoDarkThemeAndLooksRight() {
        Object loadMs = page.evaluate("() => performance.getEntriesByName('yaml-editor:codemirror-load')[0].duration");
        System.out.printf("yaml-editor: CodeMirror loaded in %.0f ms%n", ((Number) loadMs).doubleValue());
        button("Set markers").click();
        assertThat(editable.locator(".CodeMirror-lint-marker-warning")).isVisible();
        assertThat(editable.locator(".CodeMirror")).hasClass(java.util.regex.Pattern.compile("cm-s-default"));
        screenshot("yaml-editor-light");

        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        assertThat(editable.locator(".CodeMirror")).hasClass(java.util.regex.Pattern.compile("cm-s-material-darker"));
        assertThat(viewer.locator(".CodeMirror")).hasClass(java.util.regex.Pattern.compile("cm-s-material-darker"));
        editable.locator(".CodeMirror-lint-marker-error").first().hover();
        assertThat(page.locator(".CodeMirror-lint-tooltip")).isVisible();
        page.waitForFunction("() => getComputedStyle(document.querySelector('.CodeMirror-lint-tooltip')).opacity === '1'");
        screenshot("yaml-editor-dark");

        // Focus ring and cursor, in dark and in light.
        editable.locator(".CodeMirror-line").nth(3).click();
        screenshot("yaml-editor-dark-focused");

        page.evaluate("() => document.documentElement.removeAttribute('theme')");
        assertThat(editable.locator(".CodeMirror")).hasClass(java.util.regex.Pattern.compile("cm-s-default"));
        screenshot("yaml-editor-light-focused");
    }

    @AfterEach
    void noScriptErrors() {
        assertEquals(List.of(), pageErrors, "uncaught errors in the page, or editor files not served");
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }

    /** Vaadin does not say when a round trip is over: wait until no client is busy. */
    private void waitForServer() {
        page.waitForFunction("() => window.Vaadin && Object.values(window.Vaadin.Flow.clients)"
                + ".every(c => !c.isActive || !c.isActive())");
    }
}
