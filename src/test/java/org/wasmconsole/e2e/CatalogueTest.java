package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;

/** The catalogue's filters in the URL, bulk export and bulk delete, as an admin uses them. */
class CatalogueTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;

    private void createExtension(String name, PluginPhase phase) {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name(name)
                .url("oci://docker.io/example/" + name + ":1.0").phase(phase).build()));
    }

    private Locator visibleNames() {
        return page.locator("vaadin-grid.extension-grid .extension-name")
                .filter(new Locator.FilterOptions().setVisible(true));
    }

    /** Ticks the row checkboxes (select-all is hidden on purpose: the data is lazy). */
    private void selectVisibleRows(int rows) {
        Locator boxes = page.locator("vaadin-grid.extension-grid vaadin-checkbox")
                .filter(new Locator.FilterOptions().setVisible(true));
        assertThat(boxes).hasCount(rows);
        for (int i = 0; i < rows; i++) {
            boxes.nth(i).click();
        }
    }

    @Test
    void filtersLiveInTheUrlAndTheBackButtonRestoresThem() {
        signInAsAdmin();
        page.navigate(url("/?phase=AUTHN&q=coraza"));
        assertThat(page.locator(".match-count")).hasText("1 extension");
        assertThat(visibleNames()).hasText("coraza-waf");

        page.getByLabel("Search extensions").fill("");
        assertThat(page).hasURL(url("/?phase=AUTHN"));
        assertThat(page.locator(".match-count")).not().hasText("1 extension");
        screenshot("catalogue-filtered");

        page.goBack();
        assertThat(page).hasURL(url("/?phase=AUTHN&q=coraza"));
        assertThat(page.locator(".match-count")).hasText("1 extension");
        assertThat(page.getByLabel("Search extensions")).hasValue("coraza");
    }

    /** The phase and pull policy filters: chosen from their lists with the mouse or the keyboard; "any" clears them. */
    @Test
    void phaseAndPullPolicyAreChosenFromTheirLists() {
        signInAsAdmin();
        page.navigate(url("/?q=coraza"));
        Locator phase = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phase Any phase"));
        assertThat(phase).isVisible();
        phase.click();
        assertThat(page.getByRole(AriaRole.OPTION)).hasText(new String[] {"Any phase", "Unspecified",
                "Authentication", "Authorization", "Stats"});
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Any phase")))
                .hasAttribute("aria-selected", "true");
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Authentication")).click();
        assertThat(page).hasURL(withQuery("phase=AUTHN", "q=coraza"));
        assertThat(page.locator(".match-count")).hasText("1 extension");
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phase Authentication")))
                .isVisible();

        Locator pull = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Effective pull policy Any pull policy"));
        pull.focus();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByRole(AriaRole.OPTION)).hasText(new String[] {"Any pull policy", "IfNotPresent",
                "Always"});
        // Each key once the list has moved the focus, as a user sees it move (a busy CI machine lagged behind).
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Any pull policy")))
                .isFocused();
        page.keyboard().press("ArrowDown");
        assertThat(page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("IfNotPresent"))).isFocused();
        page.keyboard().press("Enter");
        assertThat(page).hasURL(withQuery("phase=AUTHN", "pull=IfNotPresent", "q=coraza"));
        assertThat(page.getByRole(AriaRole.OPTION)).hasCount(0);

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phase Authentication")).click();
        page.getByRole(AriaRole.OPTION, new Page.GetByRoleOptions().setName("Any phase")).click();
        assertThat(page).hasURL(withQuery("pull=IfNotPresent", "q=coraza"));
        assertThat(phase).isVisible();
        page.goBack();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phase Authentication")))
                .isVisible();
    }

    /** The catalogue's URL with exactly these query parameters, in any order (Playwright hands the regex to JS). */
    private java.util.regex.Pattern withQuery(String... parameters) {
        StringBuilder pattern = new StringBuilder("^" + escaped(url("/")) + "\\?");
        for (String p : parameters) {
            pattern.append("(?=(.*&)?").append(escaped(p)).append("(&|$))");
        }
        return java.util.regex.Pattern.compile(pattern + "[^&]*(&[^&]*){" + (parameters.length - 1) + "}$");
    }

    private static String escaped(String text) {
        return text.replaceAll("[.?*+^$()\\[\\]{}|\\\\/]", "\\\\$0");
    }

    /** Issue #16: the sort order lives in the URL as the filters do; the proxy order needs no parameter. */
    @Test
    void sortOrderLivesInTheUrlAndTheBackButtonRestoresIt() {
        signInAsAdmin();
        page.navigate(url("/?phase=AUTHN&sort=-updated"));
        Locator updatedSorter = page.locator("vaadin-grid.extension-grid vaadin-grid-sorter")
                .filter(new Locator.FilterOptions().setHasText("Last changed"));
        assertThat(updatedSorter).hasAttribute("direction", "desc");
        Locator prioritySorter = page.locator("vaadin-grid.extension-grid vaadin-grid-sorter")
                .filter(new Locator.FilterOptions().setHasText("Priority"));
        assertThat(prioritySorter).not().hasAttribute("direction", java.util.regex.Pattern.compile(".+"));

        page.getByLabel("Search extensions").fill("a");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*\\?(?=.*q=a)(?=.*phase=AUTHN)(?=.*sort=-updated).*"));
        page.goBack();
        assertThat(page.getByLabel("Search extensions")).hasValue("");
        assertThat(updatedSorter).hasAttribute("direction", "desc");

        page.navigate(url("/?phase=AUTHN"));
        assertThat(prioritySorter).hasAttribute("direction", "desc");
        updatedSorter.click();
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*[?&]sort=[^&]*updated.*"));
    }

    /** Issue #16: a column chooser; the pull policy column labels the stored policy and explains it. */
    @Test
    void columnsCanBeHiddenAndThePullPolicyCellSaysWhatIsStored() {
        signInAsAdmin();
        Locator urlHeader = page.locator("vaadin-grid.extension-grid vaadin-grid-sorter")
                .filter(new Locator.FilterOptions().setHasText(java.util.regex.Pattern.compile("^\\s*URL\\s*$")));
        assertThat(urlHeader).isVisible();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose the columns")).click();
        Locator urlItem = page.locator("vaadin-context-menu-item").filter(new Locator.FilterOptions().setHasText("URL"));
        urlItem.click();
        assertThat(urlHeader).isHidden();
        // The menu's items are built when it first opens; the second opening shows the same items, URL unchecked.
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Choose the columns")).click();
        assertThat(page.locator("vaadin-context-menu-item")).hasCount(6);
        assertThat(urlItem).not().hasAttribute("menu-item-checked", "");
        screenshot("catalogue-columns-open");
        urlItem.click();
        assertThat(urlHeader).isVisible();
        Locator policy = page.locator("vaadin-grid.extension-grid .cell-note").filter(new Locator.FilterOptions()
                .setHasText(java.util.regex.Pattern.compile("stored"))).first();
        assertThat(policy).isVisible();
        assertThat(policy.locator("xpath=..")).hasAttribute("title", java.util.regex.Pattern.compile(
                "^Stored \\(spec.imagePullPolicy\\): .*Effective: .*"));
    }

    /** Issue #23: the catalogue, its column and phase menus and (on a phone) the navigation, light and dark. */
    @Test
    void catalogueScreensLightAndDarkOnDesktopAndPhone() {
        signInAsAdmin();
        Locator columnsButton = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                .setName("Choose the columns"));
        for (boolean phone : new boolean[] {false, true}) {
            page.setViewportSize(phone ? 390 : 1440, phone ? 844 : 900);
            for (boolean dark : new boolean[] {false, true}) {
                page.evaluate(dark ? "() => document.documentElement.setAttribute('theme', 'dark')"
                        : "() => document.documentElement.removeAttribute('theme')");
                String suffix = (phone ? "-phone" : "-desktop") + (dark ? "-dark" : "-light");
                assertThat(visibleNames().first()).isVisible();
                settledScreenshot("catalogue" + suffix);
                columnsButton.click();
                assertThat(page.locator("vaadin-context-menu-item")).hasCount(6);
                settledScreenshot("catalogue-columns" + suffix);
                page.keyboard().press("Escape");
                assertThat(page.locator("vaadin-context-menu-item")).hasCount(0);
                page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Phase Any phase")).click();
                assertThat(page.getByRole(AriaRole.OPTION)).hasCount(5);
                settledScreenshot("catalogue-phase" + suffix);
                page.keyboard().press("Escape");
                assertThat(page.getByRole(AriaRole.OPTION)).hasCount(0);
                if (phone) {
                    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions()
                            .setName("Show or hide the navigation")).click();
                    Locator nav = page.getByRole(AriaRole.NAVIGATION, new Page.GetByRoleOptions()
                            .setName("Main navigation"));
                    assertThat(nav.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Extensions")))
                            .isVisible();
                    settledScreenshot("catalogue-navigation" + suffix);
                    page.keyboard().press("Escape");
                }
            }
        }
    }

    /** A screenshot with the menu's and the drawer's opening animations run to their end. */
    private void settledScreenshot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setFullPage(true)
                .setAnimations(com.microsoft.playwright.options.ScreenshotAnimations.DISABLED)
                .setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    @Test
    void tenantFilterShowsWhatIsAvailableToThatTenant() {
        signInAsAdmin();
        page.navigate(url("/?tenant=analytics&q=tenant-router"));
        assertThat(visibleNames()).hasText("tenant-router");
        page.navigate(url("/?tenant=payments&q=tenant-router"));
        assertThat(page.getByText("No extensions match these filters")).isVisible();
        screenshot("catalogue-no-match");
    }

    @Test
    void selectedExtensionsExportAsAYamlStreamThatReadsBack() throws IOException {
        createExtension("export-one", PluginPhase.AUTHN);
        createExtension("export-two", PluginPhase.STATS);
        signInAsAdmin();
        page.navigate(url("/?q=export-"));
        assertThat(page.locator(".match-count")).hasText("2 extensions");
        selectVisibleRows(2);
        Download download = page.waitForDownload(() -> page.getByText("Export 2 selected").click());

        assertThat(download.suggestedFilename()).matches("tse-extensions-\\d{4}-\\d{2}-\\d{2}\\.yaml");
        String yaml = Files.readString(download.path());
        List<ParsedExtension> documents = new ExtensionYaml().read(yaml);
        assertThat(documents).extracting(d -> d.definition().name()).containsExactly("export-one", "export-two");
        assertThat(documents).allSatisfy(d -> assertThat(d.etag()).isNotBlank());
    }

    @Test
    void bulkDeleteListsWhatWillGoAndRemovesItAfterConfirmation() {
        createExtension("bulk-delete-a", PluginPhase.AUTHZ);
        createExtension("bulk-delete-b", PluginPhase.AUTHZ);
        signInAsAdmin();
        page.navigate(url("/?q=bulk-delete-"));
        assertThat(page.locator(".match-count")).hasText("2 extensions");
        selectVisibleRows(2);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete 2")).click();

        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG).or(page.getByRole(AriaRole.DIALOG));
        assertThat(dialog.getByText("bulk-delete-a")).isVisible();
        assertThat(dialog.getByText("bulk-delete-b")).isVisible();
        screenshot("catalogue-bulk-delete");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Delete 2")).click();

        assertThat(page.getByText("No extensions match these filters")).isVisible();
        assertThat(asSystem(() -> extensions.find("tse", "bulk-delete-a"))).isEmpty();
        assertThat(asSystem(() -> extensions.find("tse", "bulk-delete-b"))).isEmpty();
    }
}
