package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The config form generated from an extension's config schema (issue #19), in Chromium: typed fields
 * with the schema's labels, a bad value refused at its field (and on its line in the YAML view),
 * nothing saved; a good value saved without touching the other keys; the schema documented on the
 * details page. Screenshots light and dark, desktop and phone.
 */
class ConfigSchemaFormTest extends BrowserTest {

    @Autowired
    ExtensionService extensions;
    @Autowired
    ConfigSchemaService schemas;
    @Autowired
    TenantService tenants;
    @Autowired
    TopologyService topology;
    @Autowired
    AttachmentService attachments;

    /** A copy of the sample rate limiter (its schema included), so that other tests' sample stays untouched. */
    private String limiter(String name) {
        JsonNode schema = asSystem(() -> schemas.find("tse", "rate-limiter")).orElseThrow();
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name(name)
                .displayName("Rate limiter (" + name + ")").url("oci://docker.io/example/" + name + ":1.0")
                .config(JsonMapper.builder().build().readTree(
                        "{\"requests_per_second\": 50, \"burst\": 100, \"key\": \"header\", \"key_header\": \"x-api-key\"}"))
                .build()));
        asSystem(() -> schemas.set("tse", name, schema, null));
        return name;
    }

    private Locator field(String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    private Locator saveButton() {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true));
    }

    /** The part of the page under test, whole (the page scrolls inside its layout, so a page shot would cut it). */
    private void shoot(String selector, String name) {
        Locator part = page.locator(selector).first();
        part.scrollIntoViewIfNeeded();
        page.waitForFunction("() => document.getAnimations().length === 0");
        part.screenshot(new Locator.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    /** On a phone the part is taller than the screen: what the user sees with {@code selector} scrolled to. */
    private void shootScreen(String selector, String name) {
        page.locator(selector).first().scrollIntoViewIfNeeded();
        page.waitForFunction("() => document.getAnimations().length === 0");
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
    }

    private void dark() {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch to the dark theme")).click();
        assertThat(page.locator("html")).hasAttribute("theme", "dark");
    }

    @Test
    void theGeneratedFormRefusesABadValueAtItsFieldAndSavesAGoodOne() {
        String name = limiter("e2e-schema-form");
        signInAsAdmin();
        page.navigate(url("/extensions/" + name + "/edit"));
        Locator rps = field("Requests per second");
        assertThat(rps).hasValue("50");
        assertThat(field("Client key")).isVisible();
        assertThat(page.locator(".schema-form")).containsText("Tokens added to each client's bucket every second");
        assertThat(page.locator(".schema-form")).containsText("Default: 429");
        shoot(".config-block", "config-schema-form");

        rps.fill("0");
        rps.blur();
        assertThat(page.locator("[slot='error-message']").filter(new Locator.FilterOptions()
                .setHasText("use 1 or more"))).isVisible();
        assertThat(saveButton()).isDisabled();
        shoot(".config-block", "config-schema-form-error");

        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("YAML").setExact(true)).click();
        assertThat(page.locator(".config-field .CodeMirror-lint-marker-error").first()).isVisible();
        assertThat(page.locator(".config-field .config-error")).containsText("requests_per_second: is 0");
        shoot(".config-block", "config-schema-yaml-error");
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Fields").setExact(true)).click();

        field("Requests per second").fill("60");
        field("Requests per second").blur();
        assertThat(saveButton()).isEnabled();
        saveButton().click();
        assertThat(page).hasURL(url("/extensions/" + name));
        StoredExtension saved = asSystem(() -> extensions.get("tse", name));
        assertThat(saved.definition().config().get("requests_per_second").asInt()).isEqualTo(60);
        assertThat(saved.definition().config().get("key_header").asString()).isEqualTo("x-api-key");
        assertThat(saved.definition().config().has("status_code")).as("a default is a hint, not written").isFalse();
    }

    @Test
    void theDetailsPageDocumentsTheSchema() {
        String name = limiter("e2e-schema-docs");
        signInAsAdmin();
        page.navigate(url("/extensions/" + name));
        Locator card = page.locator(".config-schema-card");
        assertThat(card).containsText("requests_per_second");
        assertThat(card).containsText("whole number, 1 to 100000");
        assertThat(card).containsText("one of: client_ip, header, jwt_subject");
        assertThat(card.getByLabel("Example config as YAML")).containsText("key_header: x-api-key");
        shoot(".config-schema-card", "config-schema-details");
        screenshot("config-schema-details-page");
        dark();
        page.waitForFunction("() => document.getAnimations().length === 0");
        shoot(".config-schema-card", "config-schema-details-dark");
        page.navigate(url("/extensions/" + name + "/edit"));
        assertThat(field("Requests per second")).hasValue("50");
        shoot(".config-block", "config-schema-form-dark");
    }

    @Test
    void theGeneratedFormWorksOnAPhone() {
        String name = limiter("e2e-schema-phone");
        page.setViewportSize(390, 844);
        signInAsAdmin();
        page.navigate(url("/extensions/" + name + "/edit"));
        assertThat(field("Requests per second")).hasValue("50");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add path")).click();
        assertThat(field("Item 1")).isVisible();
        shootScreen(".schema-list", "config-schema-form-phone");
        dark();
        shootScreen(".schema-list", "config-schema-form-phone-dark");
        page.navigate(url("/extensions/" + name));
        assertThat(page.locator(".config-schema-card")).containsText("exempt_paths");
        shootScreen(".config-schema-card", "config-schema-details-phone");
    }

    @Test
    void theAttachDialogEditsAnOverrideInTheSameFormAndShowsWhatIsInherited() {
        String name = limiter("e2e-schema-attach");
        String tenantFqn = "organizations/tse/tenants/e2e-schema-tenant";
        TargetRef ref = new TargetRef(TargetKind.INGRESS_GATEWAY, tenantFqn, "ws", "edge", "public");
        asSystem(() -> {
            tenants.create("tse", "e2e-schema-tenant", "Schema E2E");
            topology.saveWorkspace(new WorkspaceInfo(tenantFqn, "ws", null));
            topology.saveGroup(new GroupInfo(tenantFqn, "ws", GroupKind.GATEWAY, "edge", null));
            attachments.save(new TargetDefinition(ref, null, "shop", Map.of("app", "public"), List.of(
                    new Attachment("organizations/tse/extensions/" + name, JsonMapper.builder().build()
                            .readTree("{\"requests_per_second\": 20}"), List.of()))), null);
        });
        signInAsAdmin();
        page.navigate(url("/tenants/e2e-schema-tenant?target=" + ref.fqn()));
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Edit " + name + " in public")
                .setExact(true)).click();
        Locator dialog = page.locator("vaadin-dialog.topology-dialog[opened]");
        Locator rps = dialog.getByLabel("Requests per second", new Locator.GetByLabelOptions().setExact(true));
        assertThat(rps).hasValue("20");
        assertThat(dialog.locator(".schema-form")).containsText("The extension's own: 100 (replaced by this override)");
        shoot("vaadin-dialog.topology-dialog[opened] .attach-config-columns", "config-schema-attach");

        rps.fill("0");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("[slot='error-message']").filter(new Locator.FilterOptions()
                .setHasText("use 1 or more"))).isVisible();
        shoot("vaadin-dialog.topology-dialog[opened] .attach-config-columns", "config-schema-attach-error");
        // The theme button is behind the modal dialog: Lumo dark set the way the button sets it.
        page.evaluate("() => document.documentElement.setAttribute('theme', 'dark')");
        shoot("vaadin-dialog.topology-dialog[opened] .attach-config-columns", "config-schema-attach-error-dark");
        assertThat(asSystem(() -> attachments.get(ref)).definition().attachments().getFirst().config()
                .get("requests_per_second").asInt()).isEqualTo(20);

        rps.fill("30");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save").setExact(true)).click();
        assertThat(page.locator("vaadin-dialog.topology-dialog[opened]")).hasCount(0);
        assertThat(asSystem(() -> attachments.get(ref)).definition().attachments().getFirst().config())
                .isEqualTo(JsonMapper.builder().build().readTree("{\"requests_per_second\": 30}"));
    }

    @Test
    void anAdminPastesASchemaOnTheDetailsPageAndOneThatBreaksTheConfigIsRefused() {
        String name = "e2e-schema-paste";
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization("tse").name(name)
                .url("oci://docker.io/example/" + name + ":1.0")
                .config(JsonMapper.builder().build().readTree("{\"header\": \"x-tenant\"}")).build()));
        signInAsAdmin();
        page.navigate(url("/extensions/" + name));
        page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("Config schema")).click();
        Locator panel = page.locator(".config-schema-panel");
        assertThat(panel).containsText("No config schema");
        setEditorText(".config-schema-panel yaml-editor",
                "type: object\nrequired: [limit]\nproperties:\n  limit: {type: integer, minimum: 1}\n");
        assertThat(panel.locator(".config-error")).containsText("would make 1 existing config invalid");
        assertThat(panel.locator(".config-error")).containsText("spec.config.limit");
        Locator save = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save schema"));
        assertThat(save).isDisabled();
        shoot(".config-schema-panel", "config-schema-paste-refused");

        setEditorText(".config-schema-panel yaml-editor",
                "type: object\nproperties:\n  header: {type: string, title: Header, description: Where the tenant goes,"
                        + " default: x-tenant}\n");
        assertThat(save).isEnabled();
        save.click();
        assertThat(page.locator(".config-schema-panel .schema-doc")).containsText("Where the tenant goes");
        assertThat(asSystem(() -> schemas.find("tse", name))).isPresent();
        shoot(".config-schema-panel", "config-schema-paste-saved");
    }

    private void setEditorText(String selector, String text) {
        page.waitForFunction("s => document.querySelector(s)?.codeMirror", selector);
        page.locator(selector).evaluate("e => { e.codeMirror.focus(); e.codeMirror.execCommand('selectAll'); }");
        page.keyboard().insertText(text);
    }
}
