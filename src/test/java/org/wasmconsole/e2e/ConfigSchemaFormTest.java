package org.wasmconsole.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
        shoot(".config-block", "config-schema-form-phone");
        dark();
        shoot(".config-block", "config-schema-form-phone-dark");
        page.navigate(url("/extensions/" + name));
        assertThat(page.locator(".config-schema-card")).containsText("exempt_paths");
        shoot(".config-schema-card", "config-schema-details-phone");
    }
}
