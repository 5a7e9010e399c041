package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.Result;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionValidator;
import org.wasmconsole.extension.MarkdownRenderer;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The create/edit form of an extension. It never calls a service: it fires a {@link ChangeEvent}
 * on every edit, and the view answers with the service's violations ({@link #showViolations}),
 * which the fields show under themselves by path. A field shows its error once the user has
 * touched it, or after a save attempt.
 */
@StyleSheet("context://themes/console/details.css")
class ExtensionForm extends FormLayout {

    static final String PRIORITY_HELP = "Higher runs first within a phase; a whole number from -2147483648 to"
            + " 2147483647; empty means 0";

    private final TextField name = new TextField("Name");
    private final TextField displayName = new TextField("Display name");
    private final TextField summary = new TextField("Summary");
    private final TextField url = new TextField("URL");
    private final TextField source = new TextField("Source");
    private final TextArea description = new TextArea("Description (Markdown)");
    private final Select<PluginPhase> phase = new Select<>();
    private final TextField priority = new TextField("Priority");
    private final Select<PullPolicy> pullPolicy = new Select<>();
    private final TextField pullSecret = new TextField("Image pull secret");
    private final Select<WorkloadMode> matchMode = new Select<>();
    private final EnvVarsField env = new EnvVarsField();
    private final ConfigEditor config = new ConfigEditor(this::configEdited);
    private final MultiSelectComboBox<TenantInfo> tenants = new MultiSelectComboBox<>("Allowed tenants");
    private final Div formErrors = new Div();
    private final Div descriptionPreview = new Div();

    private final Binder<ExtensionFormBean> binder = new Binder<>(ExtensionFormBean.class);
    private final Map<String, Binder.Binding<ExtensionFormBean, ?>> bindingsByPath = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private final String organization;
    private ExtensionFormBean bean = new ExtensionFormBean();
    private Map<String, String> violations = Map.of();
    private boolean showAll;

    ExtensionForm(String organization, List<TenantInfo> tenantChoices) {
        this.organization = organization;
        addClassName("extension-form");
        setResponsiveSteps(new ResponsiveStep("0", 1), new ResponsiveStep("36em", 2));
        configureFields(tenantChoices);
        bind();
        formErrors.addClassName("form-errors");
        formErrors.setVisible(false);
        descriptionPreview.addClassName("markdown-body");
        Details preview = new Details("Preview of the description", descriptionPreview);
        preview.addClassName("description-preview");
        Div descriptionBlock = new Div(description, preview);
        descriptionBlock.addClassName("description-block");
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
        description.setHelperText("Optional; the long text of the details page, e.g. the README (spec.description);"
                + " at most 64 KiB");
        description.setMinHeight("8rem");
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
        // A text field, not a number field: what the user typed stays visible with an error that
        // says what is wrong, instead of being blocked or erased (issue #16).
        priority.setHelperText(PRIORITY_HELP);
        priority.setAllowedCharPattern(null);
        priority.addValueChangeListener(e -> priority.setHelperText(e.getValue().isBlank()
                ? "Empty: saved as 0, the default" : PRIORITY_HELP));
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
        description.setValueChangeMode(ValueChangeMode.LAZY);
        description.setWidthFull();
        description.addValueChangeListener(e -> renderDescription(e.getValue()));
        priority.setValueChangeMode(ValueChangeMode.LAZY);
        url.addValueChangeListener(e -> updateHints());
        pullPolicy.addValueChangeListener(e -> updateHints());
        phase.addValueChangeListener(e -> phase.setHelperText(e.getValue() == null ? null : e.getValue().meaning()));
        tenants.addValueChangeListener(e -> tenants.setHelperText(e.getValue().isEmpty()
                ? "Empty: available to every tenant of the organization"
                : "Available to " + e.getValue().size() + " tenant(s) only"));
        env.addValueChangeListener(e -> {
            touched.add("spec.vmConfig.env");
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
                .withConverter(com.vaadin.flow.data.converter.Converter.from(ExtensionForm::parsePriority,
                        (Integer p) -> p == null ? "" : p.toString()))
                .withValidator(rule("spec.priority")).bind(ExtensionFormBean::getPriority, ExtensionFormBean::setPriority);
        bindingsByPath.put("spec.priority", priorityBinding);
        priority.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                touched.add("spec.priority");
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
        Binder.Binding<ExtensionFormBean, T> binding = binder.forField(field).withValidator(rule(path))
                .bind(getter, setter);
        bindingsByPath.put(path, binding);
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                touched.add(path);
            }
            changed();
        });
    }

    /** The priority as typed: empty is 0's absence; anything but a whole 32-bit number is an error. */
    private static Result<Integer> parsePriority(String text) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            return Result.ok(null);
        }
        if (!value.matches("[-+]?\\d+")) {
            return Result.error("'" + value + "' is not a whole number; enter digits only, e.g. 100 or -5");
        }
        try {
            return Result.ok(Integer.parseInt(value));
        } catch (NumberFormatException e) {
            return Result.error(value + " is out of range: use a whole number from -2147483648 to 2147483647");
        }
    }

    /** Puts a component right below the url field, as wide as it (the module check of the artifact feature). */
    void addBelowUrl(com.vaadin.flow.component.Component component) {
        getElement().insertChild(getElement().indexOfChild(url.getElement()) + 1, component.getElement());
        setColspan(component, 2);
    }

    /** A field's rule is the service's: the violation reported for its path, or a child's of it. */
    private <T> Validator<T> rule(String path) {
        return (value, context) -> {
            if (!showAll && !touched.contains(path)) {
                return ValidationResult.ok();
            }
            return violations.entrySet().stream()
                    .filter(v -> v.getKey().equals(path) || v.getKey().startsWith(path + "["))
                    .map(v -> ValidationResult.error(v.getValue())).findFirst().orElse(ValidationResult.ok());
        };
    }

    void read(ExtensionFormBean source, boolean editing) {
        bean = source;
        touched.clear();
        showAll = false;
        binder.readBean(source);
        config.setConfig(source.getConfig());
        renderDescription(source.getDescription());
        name.setReadOnly(editing);
        name.setHelperText(editing ? "The name identifies the extension and cannot change"
                : "Lowercase letters, digits and '-', up to 63 (a DNS label), e.g. wasm-auth");
        updateHints();
    }

    /** The description as it will be shown: rendered and sanitised like on the details page. */
    private void renderDescription(String markdown) {
        String html = MarkdownRenderer.toSafeHtml(markdown, 4);
        // Safe: MarkdownRenderer's output is cleaned against an allow-list (no scripts, no handlers).
        descriptionPreview.getElement().setProperty("innerHTML", html.isEmpty() ? "<p><em>Nothing to show yet.</em></p>"
                : html);
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
        Map<String, String> map = new HashMap<>();
        found.forEach(v -> map.putIfAbsent(v.path(), v.message()));
        violations = map;
        bindingsByPath.values().forEach(b -> b.validate(true));
        env.showErrors(showAll || touched.contains("spec.vmConfig.env") ? map : Map.of());
        showConfigErrors();
        List<String> orphans = new ArrayList<>();
        map.forEach((path, message) -> {
            boolean owned = bindingsByPath.keySet().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "["))
                    || path.startsWith("spec.vmConfig.env") || path.startsWith("spec.config");
            if (!owned) {
                orphans.add(path + ": " + message);
            }
        });
        formErrors.setText(String.join("\n", orphans));
        formErrors.setVisible(!orphans.isEmpty());
    }

    private void showConfigErrors() {
        config.showErrors(violations, showAll || touched.contains("spec.config"));
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
        if (parsePriority(priority.getValue()).isError()) {
            unreadable.add(priority.getLabel());
        }
        if (!config.readable()) {
            unreadable.add("Config");
        }
        return unreadable;
    }

    /** After a refused save: every field shows its error, touched or not. */
    void showAllErrors() {
        showAll = true;
        showViolations(violations.entrySet().stream().map(e -> new Violation(e.getKey(), e.getValue())).toList());
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
        touched.add("spec.config");
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
