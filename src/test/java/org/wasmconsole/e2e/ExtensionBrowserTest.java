package org.wasmconsole.e2e;

import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;

/**
 * Browser tests around single extensions: they create extensions with unique names in the sample
 * organization and delete them after each test, so the shared database keeps only the samples.
 */
abstract class ExtensionBrowserTest extends BrowserTest {

    static final String ORG = "tse";

    @Autowired
    ExtensionService extensions;

    private final List<String> created = new ArrayList<>();

    @AfterEach
    void deleteWhatThisTestCreated() {
        asSystem(() -> created.forEach(name -> extensions.find(ORG, name)
                .ifPresent(e -> extensions.delete(ORG, name, null))));
    }

    static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36);
    }

    StoredExtension create(ExtensionDefinition definition) {
        created.add(definition.name());
        return asSystem(() -> extensions.create(definition));
    }

    Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    /** A screenshot of a whole view however long: the window grows to its height, then shrinks back. */
    void screenshotWhole(String name, String viewSelector) {
        var viewport = page.viewportSize();
        int height = ((Number) page.evaluate("s => { const v = document.querySelector(s);"
                + " return Math.ceil(v.getBoundingClientRect().top + v.scrollHeight + 24); }", viewSelector)).intValue();
        page.setViewportSize(viewport.width, Math.max(viewport.height, height));
        page.waitForFunction("() => document.getAnimations().length === 0");
        screenshot(name);
        page.setViewportSize(viewport.width, viewport.height);
    }
}
