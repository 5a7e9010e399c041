package org.wasmconsole.extension.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import com.vaadin.browserless.SpringBrowserlessTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.test.context.support.WithUserDetails;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The create/edit form without a browser: each rule is the real service's, shown at its field as
 * the admin types. Runs as the first admin ({@code admin}, created at start-up). The only
 * extensions it creates have unique {@code blt-form-} names and are deleted after each test; the
 * sample extensions are only read.
 */
@ConsoleTest
@WithUserDetails("admin")
class ExtensionFormViewTest extends SpringBrowserlessTest {

    static final String ORG = "tse";

    @Autowired
    ExtensionService extensions;

    /** A name no other test uses; deleted after the test if it was saved. */
    private String created;

    @BeforeEach
    void openCreateForm() {
        created = "blt-form-" + UUID.randomUUID().toString().substring(0, 8);
        navigate("extensions/new", ExtensionEditorView.class);
    }

    @AfterEach
    void deleteWhatWasCreated() {
        asSystem(() -> extensions.find(ORG, created).ifPresent(e -> extensions.delete(ORG, created, null)));
    }

    // --- finding fields by what the user sees --------------------------------------------------

    private TextField text(String label) {
        return find(TextField.class).withLabel(label).single();
    }

    private TextField priority() {
        return text("Priority");
    }

    @SuppressWarnings("unchecked")
    private <T> Select<T> select(String label) {
        return find(Select.class).withLabel(label).single();
    }

    private Button save() {
        return find(Button.class).withText("Save").single();
    }

    private List<TextField> envNames() {
        return find(TextField.class).withAriaLabel("Variable name").all();
    }

    private List<TextField> envValues() {
        return find(TextField.class).withAriaLabel("Value").all();
    }

    @SuppressWarnings("unchecked")
    private List<Select<EnvValueSource>> envSources() {
        return find(Select.class).withAriaLabel("Value from").all().stream().map(s -> (Select<EnvValueSource>) s)
                .toList();
    }

    /** What the service itself says about this name and url at {@code path}. */
    private String serviceMessage(String name, String url, String path) {
        ExtensionDefinition d = ExtensionDefinition.builder().organization(ORG).name(name).url(url).build();
        return asSystem(() -> extensions.check(d)).stream().filter(v -> v.path().equals(path))
                .map(Violation::message).findFirst().orElseThrow();
    }

    private void type(String label, String value) {
        test(text(label)).setValue(value);
    }

    // --- the rules at the fields -----------------------------------------------------------------

    @Test
    void emptyFormCannotBeSavedAndShowsNoErrorsBeforeTyping() {
        assertThat(save().isEnabled()).isFalse();
        assertThat(text("Name").isInvalid()).isFalse();
        assertThat(text("URL").isInvalid()).isFalse();
        assertThat(text("Name").isReadOnly()).isFalse();
    }

    @Test
    void nameThatIsNotADnsLabelIsRefusedAtTheNameFieldWithTheServicesMessage() {
        type("Name", "Bad_Name");
        type("URL", "oci://docker.io/example/bad:1.0");

        TextField name = text("Name");
        assertThat(name.isInvalid()).isTrue();
        assertThat(name.getErrorMessage()).startsWith("'Bad_Name' is not a DNS label")
                .isEqualTo(serviceMessage("Bad_Name", "oci://docker.io/example/bad:1.0", "metadata.name"));
        assertThat(text("URL").isInvalid()).isFalse();
        assertThat(save().isEnabled()).isFalse();

        type("Name", "good-name");
        assertThat(name.isInvalid()).isFalse();
        assertThat(save().isEnabled()).isTrue();
    }

    @Test
    void urlWithoutSchemeIsReadAsOciAndFtpIsRefusedAtTheUrlField() {
        type("Name", created);
        type("URL", "docker.io/example/x:1.0");
        TextField url = text("URL");
        assertThat(url.isInvalid()).isFalse();
        assertThat(url.getHelperText()).startsWith("No scheme: saved as oci://docker.io/example/x:1.0 · Registry docker.io");
        type("URL", "example/x:1.0");
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).startsWith("'example/x:1.0' (read as oci://example/x:1.0) is not a valid OCI")
                .isEqualTo(serviceMessage(created, "example/x:1.0", "spec.url"));
        assertThat(save().isEnabled()).isFalse();

        type("URL", "ftp://example.com/filter.wasm");
        assertThat(url.isInvalid()).isTrue();
        assertThat(url.getErrorMessage()).startsWith("must start with oci://, http://, https:// or file://")
                .isEqualTo(serviceMessage(created, "ftp://example.com/filter.wasm", "spec.url"));
        assertThat(save().isEnabled()).isFalse();
        assertThat(text("Name").isInvalid()).isFalse();
    }

    @Test
    void validDefinitionEnablesSaveAndSavingCreatesItThroughTheService() {
        type("Name", created);
        type("Display name", "Made without a browser");
        type("URL", "oci://docker.io/example/" + created + ":1.2.3");
        test(priority()).setValue("42");
        test(this.<PluginPhase>select("Phase")).selectItem(PluginPhase.AUTHN.label());
        assertThat(save().isEnabled()).isTrue();

        test(save()).click();

        StoredExtension saved = asSystem(() -> extensions.get(ORG, created));
        assertThat(saved.definition().displayName()).isEqualTo("Made without a browser");
        assertThat(saved.definition().url()).isEqualTo("oci://docker.io/example/" + created + ":1.2.3");
        assertThat(saved.definition().priority()).isEqualTo(42);
        assertThat(saved.definition().phase()).isEqualTo(PluginPhase.AUTHN);
        assertThat(saved.updatedBy()).isEqualTo("admin");
        assertThat(getCurrentView()).isInstanceOf(ExtensionDetailsView.class);
    }

    @Test
    void clearedPriorityIsTreatedAsZero() {
        type("Name", created);
        type("URL", "https://example.com/filters/" + created + ".wasm");
        test(priority()).setValue("7");
        test(priority()).setValue("");

        assertThat(priority().getValue()).isEmpty();
        assertThat(priority().getHelperText()).isEqualTo("Empty: saved as 0, the default");
        assertThat(priority().isInvalid()).isFalse();
        assertThat(save().isEnabled()).isTrue();
        test(save()).click();

        assertThat(asSystem(() -> extensions.get(ORG, created)).definition().priority()).isZero();
    }

    @Test
    void pullSecretIsOnlyOfferedForOciImages() {
        TextField secret = text("Image pull secret");
        type("URL", "https://example.com/filters/auth.wasm");
        assertThat(secret.isEnabled()).isFalse();
        assertThat(secret.getHelperText()).isEqualTo("Only for oci:// images");

        type("URL", "oci://docker.io/example/auth:1.0");
        assertThat(secret.isEnabled()).isTrue();
        assertThat(secret.getHelperText()).isEqualTo("A Kubernetes Secret name, for private OCI registries");
    }

    @Test
    void helperTextsExplainTheUrlAndTheEffectivePullPolicy() {
        Select<PullPolicy> pullPolicy = select("Image pull policy");

        type("URL", "oci://docker.io/example/untagged");
        assertThat(text("URL").getHelperText())
                .isEqualTo("Registry docker.io · repository example/untagged · tag (none: latest)");
        assertThat(pullPolicy.getHelperText())
                .isEqualTo("Effective: IfNotPresent (Istio's default for an untagged image)");
        type("URL", "oci://docker.io/example/untagged:latest");
        assertThat(pullPolicy.getHelperText()).isEqualTo("Effective: Always (Istio's default for an image tagged latest)");

        type("URL", "oci://ghcr.io/mesh-filters/jwt-claims:2.3.1");
        assertThat(text("URL").getHelperText())
                .isEqualTo("Registry ghcr.io · repository mesh-filters/jwt-claims · tag 2.3.1");
        assertThat(pullPolicy.getHelperText()).isEqualTo("Effective: IfNotPresent (Istio's default for a tagged image)");

        test(pullPolicy).selectItem("Always");
        assertThat(pullPolicy.getHelperText()).isEqualTo("Effective: Always (as chosen)");

        type("URL", "https://example.com/filters/auth.wasm");
        assertThat(text("URL").getHelperText()).isEqualTo(FieldHints.URL_HELP);
    }

    @Test
    void secondEnvVarWithTheSameNameIsRefusedAtItsNameField() {
        type("Name", created);
        type("URL", "oci://docker.io/example/env:1.0");
        Button addVariable = find(Button.class).withText("Add variable").single();
        test(addVariable).click();
        test(addVariable).click();
        assertThat(envNames()).hasSize(2);

        test(envNames().get(0)).setValue("LOG_LEVEL");
        test(envValues().get(0)).setValue("debug");
        test(envNames().get(1)).setValue("LOG_LEVEL");
        test(envValues().get(1)).setValue("info");

        assertThat(envNames().get(0).isInvalid()).isFalse();
        assertThat(envNames().get(1).isInvalid()).isTrue();
        assertThat(envNames().get(1).getErrorMessage())
                .isEqualTo("'LOG_LEVEL' is already defined at spec.vmConfig.env[0]; variable names must be unique");
        assertThat(save().isEnabled()).isFalse();

        test(envNames().get(1)).setValue("LOG_FORMAT");
        assertThat(envNames().get(1).isInvalid()).isFalse();
        assertThat(save().isEnabled()).isTrue();
    }

    @Test
    void hostEnvVarTakesNoValue() {
        type("Name", created);
        type("URL", "oci://docker.io/example/env:1.0");
        test(find(Button.class).withText("Add variable").single()).click();
        test(envNames().getFirst()).setValue("POD_NAME");
        test(envValues().getFirst()).setValue("typed before switching");
        assertThat(envValues().getFirst().isEnabled()).isTrue();

        test(envSources().getFirst()).selectItem(EnvValueSource.HOST.toString());

        TextField value = envValues().getFirst();
        assertThat(value.isEnabled()).isFalse();
        assertThat(value.getValue()).isEmpty();
        assertThat(value.getPlaceholder()).isEqualTo("from the proxy's environment");
        assertThat(save().isEnabled()).isTrue();
        test(save()).click();

        var env = asSystem(() -> extensions.get(ORG, created)).definition().env();
        assertThat(env).hasSize(1);
        assertThat(env.getFirst().name()).isEqualTo("POD_NAME");
        assertThat(env.getFirst().valueFrom()).isEqualTo(EnvValueSource.HOST);
        assertThat(env.getFirst().value()).isNull();
    }

    @Test
    void editingASampleShowsItsNameReadOnlyAndItsStoredValues() {
        StoredExtension stored = asSystem(() -> extensions.get(ORG, "wasm-auth"));
        navigate("extensions/wasm-auth/edit", ExtensionEditorView.class);

        TextField name = text("Name");
        assertThat(name.getValue()).isEqualTo("wasm-auth");
        assertThat(name.isReadOnly()).isTrue();
        assertThat(name.getHelperText()).isEqualTo("The name identifies the extension and cannot change");
        assertThat(text("URL").getValue()).isEqualTo("oci://docker.io/example/my-wasm-extension:1.0");
        assertThat(text("URL").isReadOnly()).isFalse();
        assertThat(priority().getValue()).isEqualTo("1000");
        assertThat(this.<PluginPhase>select("Phase").getValue()).isEqualTo(PluginPhase.AUTHZ);
        assertThat(this.<PullPolicy>select("Image pull policy").getValue()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
        assertThat(text("Image pull secret").getValue()).isEqualTo("regcred");
        assertThat(text("Display name").getValue()).isEqualTo("Wasm Auth");
        assertThat(text("Summary").getValue()).isEqualTo("short summary");
        assertThat(text("Source").getValue()).isEqualTo("https://github.com/example/wasm-extension");
        assertThat(find(TextArea.class).withLabel("Description (Markdown)").single().getValue())
                .startsWith("Long description such as an entire README file");
        assertThat(this.<WorkloadMode>select("Traffic (match mode)").getValue())
                .isEqualTo(WorkloadMode.CLIENT_AND_SERVER);
        assertThat(envNames()).extracting(TextField::getValue).containsExactly("LOG_LEVEL", "POD_NAME");
        assertThat(envSources()).extracting(Select::getValue)
                .containsExactly(EnvValueSource.INLINE, EnvValueSource.HOST);
        assertThat(envValues().get(0).getValue()).isEqualTo("debug");
        assertThat(envValues().get(1).isEnabled()).isFalse();
        assertThat(stored.definition().env()).extracting(e -> e.name()).containsExactly("LOG_LEVEL", "POD_NAME");
        @SuppressWarnings("unchecked")
        MultiSelectComboBox<TenantInfo> tenants = find(MultiSelectComboBox.class).withLabel("Allowed tenants").single();
        assertThat(tenants.getValue()).extracting(TenantInfo::name).containsExactly("tenant1");

        // Untouched: nothing to save (a save that changes nothing would be a needless version).
        assertThat(save().isEnabled()).isFalse();
        type("Display name", "Wasm Auth!");
        assertThat(save().isEnabled()).isTrue();
        type("Display name", "Wasm Auth");
        assertThat(save().isEnabled()).isFalse();
        assertThat(asSystem(() -> extensions.get(ORG, "wasm-auth")).etag()).isEqualTo(stored.etag());
    }

    @Test
    void editingSavesThroughTheServiceAndAStaleCopyIsOfferedReloadOrOverwrite() {
        asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(created)
                .url("oci://docker.io/example/" + created + ":1.0").build()));
        navigate("extensions/" + created + "/edit", ExtensionEditorView.class);
        type("Display name", "Edited in the form");
        test(save()).click();
        assertThat(asSystem(() -> extensions.get(ORG, created)).definition().displayName())
                .isEqualTo("Edited in the form");
        assertThat(getCurrentView()).isInstanceOf(ExtensionDetailsView.class);

        navigate("extensions/" + created + "/edit", ExtensionEditorView.class);
        type("Display name", "Mine");
        asSystem(() -> {
            StoredExtension now = extensions.get(ORG, created);
            extensions.update(now.definition().toBuilder().displayName("Theirs").build(), now.etag());
        });
        test(save()).click();

        com.vaadin.flow.component.dialog.Dialog dialog = find(com.vaadin.flow.component.dialog.Dialog.class).single();
        assertThat(dialog.getHeaderTitle()).isEqualTo("Changed by someone else");
        assertThat(asSystem(() -> extensions.get(ORG, created)).definition().displayName()).isEqualTo("Theirs");
        test(find(Button.class).withText("Overwrite").single()).click();
        assertThat(asSystem(() -> extensions.get(ORG, created)).definition().displayName()).isEqualTo("Mine");
    }
}
