package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionValidator;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The create/edit form of an extension. It never calls a service: it fires a {@link ChangeEvent}
 * on every edit, and the view answers with the service's violations ({@link #showViolations}),
 * which the fields show under themselves by path. A field shows its error once the user has
 * touched it, or after a save attempt ({@link FieldViolations}).
 */
@StyleSheet("context://themes/console/details.css")
class ExtensionForm extends FormLayout {

    private final TextField name = new TextField("Name");
    private final TextField displayName = new TextField("Display name");
    private final TextField summary = new TextField("Summary");
    private final TextField url = new TextField("URL");
    private final TextField source = new TextField("Source");
    private final DescriptionEditor descriptionBlock = new DescriptionEditor();
    private final TextArea description = descriptionBlock.field();
    private final Select<PluginPhase> phase = new Select<>();
    private final TextField priority = new TextField("Priority");
    private final Select<PullPolicy> pullPolicy = new Select<>();
    private final TextField pullSecret = new TextField("Image pull secret");
    private final Select<WorkloadMode> matchMode = new Select<>();
    private final EnvVarsField env = new EnvVarsField();
    private final ConfigEditor config = new ConfigEditor(this::configEdited);
    private final MultiSelectComboBox<TenantInfo> tenants = new MultiSelectComboBox<>("Allowed tenants");
    private final Div formErrors = new Div();

    private final Binder<ExtensionFormBean> binder = new Binder<>(ExtensionFormBean.class);
    private final FieldViolations violations = new FieldViolations();
    private final String organization;
    private ExtensionFormBean bean = new ExtensionFormBean();

    ExtensionForm(String organization, List<TenantInfo> tenantChoices) {
        this.organization = organization;
        addClassName("extension-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        configureFields(tenantChoices);
        bind();
        formErrors.addClassName("form-errors");
        formErrors.setVisible(false);
        add(formErrors, name, displayName, summary, url, source, phase, priority, pullPolicy, pullSecret, matchMode,
                tenants, env, config, descriptionBlock);
        setColspan(formErrors, 2);
        setColspan(summary, 2);
        setColspan(url, 2);
        setColspan(source, 2);
        setColspan(tenants, 2);
        setColspan(env, 2);
        setColspan(config, 2);
        setColspan(descriptionBlock, 2);
    }

    private void configureFields(List<TenantInfo> tenantChoices) {
        name.setHelperText("Lowercase letters, digits and '-', up to 63 (a DNS label), e.g. wasm-auth");
        name.setMaxLength(Names.MAX_LABEL_LENGTH);
        name.setRequiredIndicatorVisible(true);
        displayName.setHelperText("Optional; shown beside the name");
        displayName.setMaxLength(Names.MAX_DISPLAY_NAME_LENGTH);
        summary.setHelperText("Optional; one line shown in the catalogue and on top of the details (metadata.description)");
        summary.setMaxLength(ExtensionValidator.MAX_SUMMARY_LENGTH);
        url.setHelperText(FieldHints.URL_HELP);
        url.setRequiredIndicatorVisible(true);
        url.setMaxLength(ExtensionValidator.MAX_URL_LENGTH);
        source.setHelperText("Optional http(s) link to the code, e.g. https://github.com/example/wasm-extension");
        phase.setLabel("Phase");
        phase.setItems(PluginPhase.values());
        phase.setItemLabelGenerator(PluginPhase::label);
        phase.setRenderer(new ComponentRenderer<>(p -> {
            Div item = new Div(new Span(p.label()));
            Span meaning = new Span(p.meaning());
            meaning.addClassName("option-note");
            item.add(meaning);
            item.addClassName("option-with-note");
            return item;
        }));
        // A text field, not a number field (PriorityText, issue #16).
        priority.setHelperText(PriorityText.HELP);
        priority.setAllowedCharPattern(null);
        priority.addValueChangeListener(e -> priority.setHelperText(e.getValue().isBlank()
                ? "Empty: saved as 0, the default" : PriorityText.HELP));
        pullPolicy.setLabel("Image pull policy");
        pullPolicy.setItems(PullPolicy.values());
        pullPolicy.setItemLabelGenerator(p -> p == PullPolicy.UNSPECIFIED_POLICY ? "Unspecified (default)"
                : p.wireName());
        pullSecret.setHelperText("A Kubernetes Secret name, for private OCI registries only");
        pullSecret.setMaxLength(Names.MAX_SUBDOMAIN_LENGTH);
        matchMode.setLabel("Traffic (match mode)");
        matchMode.setItems(WorkloadMode.values());
        matchMode.setItemLabelGenerator(WorkloadMode::label);
        matchMode.setHelperText("Which side of the traffic runs the filter; gateways: Client or Client and server");
        tenants.setItems(tenantChoices);
        tenants.setItemLabelGenerator(TenantInfo::labelWithName);
        tenants.setPlaceholder("All tenants");
        tenants.setHelperText("Leave empty to allow every tenant of the organization");
        for (TextField f : List.of(name, displayName, summary, url, source, pullSecret)) {
            f.setValueChangeMode(ValueChangeMode.LAZY);
        }
        priority.setValueChangeMode(ValueChangeMode.LAZY);
        url.addValueChangeListener(e -> updateHints());
        pullPolicy.addValueChangeListener(e -> updateHints());
        phase.addValueChangeListener(e -> phase.setHelperText(e.getValue() == null ? null : e.getValue().meaning()));
        tenants.addValueChangeListener(e -> tenants.setHelperText(e.getValue().isEmpty()
                ? "Empty: available to every tenant of the organization"
                : "Available to " + e.getValue().size() + " tenant(s) only"));
        env.addValueChangeListener(e -> {
            violations.touch("spec.vmConfig.env");
            changed();
        });
    }

    private void bind() {
        bind(name, "metadata.name", ExtensionFormBean::getName, ExtensionFormBean::setName);
        bind(displayName, "spec.displayName", ExtensionFormBean::getDisplayName,
                ExtensionFormBean::setDisplayName);
        bind(summary, "metadata.description", ExtensionFormBean::getSummary, ExtensionFormBean::setSummary);
        bind(url, "spec.url", ExtensionFormBean::getUrl, ExtensionFormBean::setUrl);
        bind(source, "spec.source", ExtensionFormBean::getSource, ExtensionFormBean::setSource);
        bind(description, "spec.description", ExtensionFormBean::getDescription, ExtensionFormBean::setDescription);
        bind(phase, "spec.phase", ExtensionFormBean::getPhase, ExtensionFormBean::setPhase);
        Binder.Binding<ExtensionFormBean, Integer> priorityBinding = binder.forField(priority)
                .withConverter(PriorityText.converter())
                .withValidator(violations.rule("spec.priority"))
                .bind(ExtensionFormBean::getPriority, ExtensionFormBean::setPriority);
        violations.bound("spec.priority", priorityBinding);
        priority.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                violations.touch("spec.priority");
            }
            changed();
        });
        bind(pullPolicy, "spec.imagePullPolicy", ExtensionFormBean::getImagePullPolicy,
                ExtensionFormBean::setImagePullPolicy);
        bind(pullSecret, "spec.imagePullSecret", ExtensionFormBean::getImagePullSecret,
                ExtensionFormBean::setImagePullSecret);
        bind(matchMode, "spec.match.mode", ExtensionFormBean::getMatchMode, ExtensionFormBean::setMatchMode);
        bind(tenants, "spec.allowedIn", ExtensionFormBean::getAllowedTenants, ExtensionFormBean::setAllowedTenants);
        binder.forField(env).bind(ExtensionFormBean::getEnv, ExtensionFormBean::setEnv);
    }

    private <T> void bind(HasValue<?, T> field, String path, com.vaadin.flow.function.ValueProvider<ExtensionFormBean, T> getter,
                          com.vaadin.flow.data.binder.Setter<ExtensionFormBean, T> setter) {
        Binder.Binding<ExtensionFormBean, T> binding = binder.forField(field).withValidator(violations.rule(path))
                .bind(getter, setter);
        violations.bound(path, binding);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                violations.touch(path);
            }
            changed();
        });
    }

    /** Puts a component right below the url field, as wide as it (the module check of the artifact feature). */
    void addBelowUrl(com.vaadin.flow.component.Component component) {
        getElement().insertChild(getElement().indexOfChild(url.getElement()) + 1, component.getElement());
        setColspan(component, 2);
    }

    void read(ExtensionFormBean source, boolean editing) {
        bean = source;
        violations.reset();
        binder.readBean(source);
        config.setConfig(source.getConfig());
        descriptionBlock.render(source.getDescription());
        name.setReadOnly(editing);
        name.setHelperText(editing ? "The name identifies the extension and cannot change"
                : "Lowercase letters, digits and '-', up to 63 (a DNS label), e.g. wasm-auth");
        updateHints();
    }

    /** The definition as currently typed, invalid or not (for the preview and the checks). */
    ExtensionDefinition currentDefinition() {
        ExtensionFormBean draft = new ExtensionFormBean();
        binder.writeBeanAsDraft(draft, true);
        draft.setConfig(config.valueOr(bean.getConfig()));
        return draft.toDefinition(organization);
    }

    /** Shows the service's violations under their fields; ones no field owns go to the top. */
    void showViolations(List<Violation> found) {
        Map<String, String> map = violations.update(found);
        env.showErrors(violations.shows("spec.vmConfig.env") ? map : Map.of());
        config.showErrors(map, violations.shows("spec.config"));
        List<String> orphans = violations.orphans();
        formErrors.setText(String.join("\n", orphans));
        formErrors.setVisible(!orphans.isEmpty());
    }

    /** The extension's config schema (#19): the config section becomes a form generated from it. */
    void setConfigSchema(tools.jackson.databind.JsonNode schema) {
        config.setSchema(schema);
    }

    /** True when nothing stops a save: no rule broken, every number parsed, the config readable. */
    boolean isSaveable() {
        return violations.isEmpty() && unreadableFields().isEmpty();
    }

    /**
     * The labels of fields whose text cannot be read as a value at all (the preview cannot show
     * them, and shows the last value read instead).
     */
    List<String> unreadableFields() {
        List<String> unreadable = new ArrayList<>();
        if (PriorityText.parse(priority.getValue()).isError()) {
            unreadable.add(priority.getLabel());
        }
        if (!config.readable()) {
            unreadable.add("Config");
        }
        return unreadable;
    }

    /** After a refused save: every field shows its error, touched or not. */
    void showAllErrors() {
        violations.showAll();
        showViolations(violations.current());
    }

    private void updateHints() {
        url.setHelperText(FieldHints.url(url.getValue()));
        pullPolicy.setHelperText(FieldHints.pullPolicy(pullPolicy.getValue(), url.getValue()));
        boolean oci = url.getValue().strip().startsWith(OciReference.SCHEME);
        pullSecret.setEnabled(oci || !pullSecret.getValue().isBlank());
        pullSecret.setHelperText(oci ? "A Kubernetes Secret name, for private OCI registries"
                : "Only for oci:// images");
    }

    private void configEdited() {
        violations.touch("spec.config");
        changed();
    }

    private void changed() {
        fireEvent(new ChangeEvent(this));
    }

    Registration addChangeListener(com.vaadin.flow.component.ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    /** Something in the form changed: the view re-checks it and refreshes the preview. */
    static class ChangeEvent extends ComponentEvent<ExtensionForm> {
        ChangeEvent(ExtensionForm source) {
            super(source, false);
        }
    }
}
