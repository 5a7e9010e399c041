package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.audit.AuditAction;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditResourceType;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;

/**
 * The audit trail in the browser: an extension's History tab (pick two versions, read the diff,
 * restore the old one), the admins' History view with its filters and a record's before and after,
 * and the sign-ins and refusals it records. Extensions get unique names and are deleted afterwards.
 */
class HistoryTest extends ExtensionBrowserTest {


    @Autowired
    AuditService audit;
    @Autowired
    UserService users;
    @Autowired
    TenantService tenants;

    Locator tab(String name) {
        return page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName(name));
    }

    Locator versionRows() {
        return page.locator(".version-row");
    }

    List<AuditEntry> records(String resource, AuditAction action) {
        return asSystem(() -> audit.list(new AuditFilter(null, resource, action, null, null), PageRequest.of(0, 50)));
    }

    void waitForAnimations() {
        page.waitForFunction("() => document.getAnimations().length === 0");
    }

    @Test
    void editThenCompareVersionsAndRestoreTheOldOne() {
        String name = unique("hist-edit");
        StoredExtension v1 = create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").priority(1).summary("First version")
                .description("# History\n\nKept as it was.").build());
        asSystem(() -> extensions.update(v1.definition().toBuilder().summary("Second version").build(), v1.etag()));

        // The third version: an edit in the form, by the admin.
        signInAsAdmin();
        page.navigate(url("/extensions/" + name + "/edit"));
        Locator priority = page.getByLabel("Priority", new Page.GetByLabelOptions().setExact(true));
        priority.fill("5");
        priority.blur();
        button("Save").click();
        assertThat(page).hasURL(url("/extensions/" + name));

        tab("History").click();
        assertThat(versionRows()).hasCount(3);
        assertThat(versionRows().nth(0)).containsText("Changed");
        assertThat(versionRows().nth(0)).containsText("admin");
        assertThat(versionRows().nth(0)).containsText("changed spec.priority");
        assertThat(versionRows().nth(0).locator(".version-current")).hasText("Current");
        assertThat(versionRows().nth(2)).containsText("Created");
        assertThat(versionRows().nth(2)).containsText("system");
        // At first the two newest are compared: the edit of the priority.
        assertThat(page.locator(".version-row.picked")).hasCount(2);
        assertThat(page.locator(".diff-line.diff-removed")).hasText(new String[] {"  priority: 1"});
        assertThat(page.locator(".diff-line.diff-added")).hasText(new String[] {"  priority: 5"});

        // Pick the first version instead of the second: the current one against the very first.
        // (A click anywhere on a row ticks it; unticked again, and ticked with its box.)
        versionRows().nth(2).locator(".version-summary").click();
        assertThat(versionRows().nth(2).getByRole(AriaRole.CHECKBOX)).isChecked();
        versionRows().nth(2).locator(".version-summary").click();
        assertThat(versionRows().nth(2).getByRole(AriaRole.CHECKBOX)).not().isChecked();
        assertThat(page.getByText("Tick a second version to compare.")).isVisible();
        versionRows().nth(2).getByRole(AriaRole.CHECKBOX).check();
        assertThat(versionRows().nth(1)).not().hasClass(java.util.regex.Pattern.compile(".*picked.*"));
        assertThat(page.locator(".diff-line.diff-removed")).hasText(new String[] {"  description: First version",
                "  priority: 1"});
        assertThat(page.locator(".diff-line.diff-added")).hasText(new String[] {"  description: Second version",
                "  priority: 5"});
        assertThat(page.locator(".diff-stats")).hasText("+2\u22122 lines");
        assertThat(page.locator(".diff-fold").first()).containsText("unchanged lines");
        page.mouse().move(0, 0);
        screenshotWhole("history-tab-diff", ".extension-details-view");

        // Restore the very first version, after confirming.
        Locator restore = page.locator(".diff-head").first().getByRole(AriaRole.BUTTON,
                new Locator.GetByRoleOptions().setName("Restore the version of"));
        restore.click();
        Locator dialog = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(dialog).containsText("Restore the version of");
        assertThat(dialog).containsText("every rule is checked again");
        waitForAnimations();
        screenshot("history-restore-confirm");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore").setExact(true)).click();

        assertThat(page.locator("vaadin-notification-card").filter(new Locator.FilterOptions()
                .setHasText("Restored the version of"))).isVisible();
        assertThat(versionRows()).hasCount(4);
        assertThat(versionRows().nth(0)).containsText("Restored");
        assertThat(versionRows().nth(0)).containsText("restored the version of");
        assertThat(versionRows().nth(0)).containsText("(created by system)");
        assertThat(versionRows().nth(0).locator(".version-current")).hasText("Current");
        // The restore against the version before it: priority and summary back as they were.
        assertThat(page.locator(".diff-line.diff-removed")).hasText(new String[] {"  description: Second version",
                "  priority: 5"});
        assertThat(page.locator(".diff-line.diff-added")).hasText(new String[] {"  description: First version",
                "  priority: 1"});
        assertThat(page.locator(".details-summary")).hasText("First version");
        tab("Overview").click();
        assertThat(page.locator(".details-field[data-field='Priority'] dd")).containsText("1");
        StoredExtension now = asSystem(() -> extensions.get(ORG, name));
        assertThat(now.definition()).isEqualTo(v1.definition());
        assertThat(records(ExtensionDefinition.fqn(ORG, name), AuditAction.RESTORE)).singleElement()
                .satisfies(e -> assertThat(e.username()).isEqualTo("admin"));

        // The same screen in the dark theme.
        tab("History").click();
        button("Switch to the dark theme").click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        assertThat(page.locator(".diff-table")).isVisible();
        page.mouse().move(0, 0);
        screenshotWhole("history-tab-diff-dark", ".extension-details-view");
        button("Switch to the light theme").click();
    }

    @Test
    void historyViewFiltersByResourceAndShowsBeforeAndAfter() {
        String name = unique("hist-view");
        StoredExtension v1 = create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").priority(10).build());
        asSystem(() -> extensions.update(v1.definition().toBuilder().priority(20)
                .url("oci://docker.io/example/" + name + ":2.0").build(), v1.etag()));

        signInAsAdmin();
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History")).click();
        assertThat(page).hasURL(url("/history"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("History"))).isVisible();
        // Issue #16: successful sign-ins (this one is the newest record of all) are hidden by default.
        Locator signInRows = page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("Signed in"));
        assertThat(page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions()
                .setHasText("changed spec.url")).first()).isVisible();
        assertThat(signInRows).hasCount(0);
        waitForAnimations();
        screenshot("history-view");
        page.getByText("Show sign-ins").click();
        assertThat(page).hasURL(url("/history?signins=shown"));
        assertThat(signInRows.first()).isVisible();
        assertThat(signInRows.first()).not().containsText("0:0:0:0:0:0:0:1");
        page.getByText("Show sign-ins").click();
        assertThat(page).hasURL(url("/history"));

        button("Switch to the dark theme").click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
        page.getByLabel("Resource").fill(name);
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/history\\?resource=" + name + "$"));
        assertThat(page.locator(".match-count")).hasText("2 records");
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("changed spec.url"))
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("Changed extension " + name);
        assertThat(dialog.locator(".diff-line.diff-removed")).hasText(new String[] {
                "  url: oci://docker.io/example/" + name + ":1.0", "  priority: 10"});
        assertThat(dialog.locator(".diff-line.diff-added")).hasText(new String[] {
                "  url: oci://docker.io/example/" + name + ":2.0", "  priority: 20"});
        assertThat(dialog.getByText("This is the current version.")).isVisible();
        assertThat(dialog.locator(".restore-button")).hasCount(0);
        waitForAnimations();
        screenshot("history-record-dialog-dark");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Close")).click();

        // A bookmark of a filter that matches nothing.
        page.navigate(url("/history?resource=" + name + "&action=DELETE&from=2020-01-01&to=2020-01-31"));
        assertThat(page.getByLabel("Resource")).hasValue(name);
        assertThat(page.getByText("No records match these filters")).isVisible();
        waitForAnimations();
        screenshot("history-view-empty");
        button("Clear filters").click();
        assertThat(page).hasURL(url("/history"));

        // Issue #16: an action in the URL filters whether written as its name or as shown ("Deleted").
        asSystem(() -> extensions.delete(ORG, name, null));
        page.navigate(url("/history?resource=" + name + "&action=deleted"));
        assertThat(page.locator(".match-count")).hasText("1 record");
        assertThat(page.locator("vaadin-select").filter(new Locator.FilterOptions().setHasText("Deleted"))).isVisible();
    }

    @Test
    void aDeletedExtensionIsRestoredFromTheHistoryView() {
        String name = unique("hist-deleted");
        create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").summary("Deleted, then back").build());
        asSystem(() -> extensions.delete(ORG, name, null));

        signInAsAdmin();
        page.navigate(url("/history?resource=" + name + "&action=DELETE"));
        assertThat(page.locator(".match-count")).hasText("1 record");
        page.locator("vaadin-grid-cell-content").filter(new Locator.FilterOptions().setHasText("Deleted")).first()
                .click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog.locator(".diff-line.diff-removed").nth(1)).hasText("apiVersion: extension.tsb.tetrate.io/v2");
        assertThat(dialog.locator(".diff-line.diff-added")).hasCount(0);
        waitForAnimations();
        screenshot("history-record-deleted");
        dialog.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore the deleted extension"))
                .click();
        Locator confirm = page.getByRole(AriaRole.ALERTDIALOG);
        assertThat(confirm).containsText("Create " + name + " again");
        // Issue #16: the confirmation says what a restore brings back, attachments included.
        assertThat(confirm).containsText("It was not attached anywhere when it was deleted.");
        confirm.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Restore").setExact(true)).click();
        assertThat(page.getByText("Restored " + name)).isVisible();
        assertThat(asSystem(() -> extensions.find(ORG, name))).isPresent()
                .get().satisfies(e -> assertThat(e.definition().summary()).isEqualTo("Deleted, then back"));
    }

    @Test
    void operatorsHaveNoHistoryViewAndTheRefusalIsRecorded() {
        String operator = unique("hist-op");
        asSystem(() -> {
            TenantInfo payments = tenants.list(ORG).stream().filter(t -> t.name().equals("payments")).findFirst()
                    .orElseThrow();
            users.create(operator, "operator-password", Role.TENANT_OPERATOR, Set.of(payments.id()));
        });
        signIn(operator, "operator-password");
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Extensions"))).isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("History"))).hasCount(0);
        page.navigate(url("/history"));
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Not allowed"))).isVisible();

        assertThat(records(operator, AuditAction.LOGIN)).extracting(AuditEntry::username).containsExactly(operator);
        List<AuditEntry> denied = asSystem(() -> audit.list(new AuditFilter(operator, null, AuditAction.ACCESS_DENIED,
                null, null), PageRequest.of(0, 10)));
        assertThat(denied).singleElement().satisfies(e -> {
            assertThat(e.resourceType()).isEqualTo(AuditResourceType.PAGE);
            assertThat(e.resourceName()).isEqualTo("/history");
        });

        // An operator's History tab: the history of an extension their tenant may use, without restore.
        page.navigate(url("/extensions/wasm-http"));
        tab("History").click();
        assertThat(versionRows().first()).containsText("Created");
        assertThat(page.locator(".restore-button")).hasCount(0);
    }

    @Test
    void aWrongPasswordIsRecordedAsAFailedSignIn() {
        String name = unique("hist-nobody");
        signIn(name, "not-the-password");
        assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/login\\?error"));
        assertThat(records(name, AuditAction.LOGIN_FAILED)).singleElement()
                .satisfies(e -> assertThat(e.summary()).startsWith("wrong user name or password"));
    }
}
