package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionValidator;

/**
 * {@code spec.vmConfig.env} as rows of name, source and value that can be added and removed.
 * Errors come from the service's rules, by path ({@code spec.vmConfig.env[i].name}).
 */
class EnvVarsField extends CustomField<List<EnvVar>> {

    private final Div rows = new Div();
    private final List<Row> rowList = new ArrayList<>();
    private final Span empty = new Span("No variables. The Wasm VM gets none of the proxy's environment.");
    private final Button add = new Button("Add variable", VaadinIcon.PLUS.create());

    EnvVarsField() {
        setLabel("Environment variables");
        setHelperText("Passed to the Wasm VM. INLINE takes the value written here; HOST takes the proxy's own"
                + " variable of the same name (leave the value empty). At most " + ExtensionValidator.MAX_ENV_VARS
                + ".");
        addClassName("env-vars-field");
        rows.addClassName("env-rows");
        empty.addClassName("env-empty");
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.addClickListener(e -> {
            addRow(EnvVar.inline("", ""));
            rowList.getLast().name.focus();
            updateValue();
        });
        Div layout = new Div(empty, rows, add);
        layout.addClassName("env-layout");
        add(layout);
        refreshEmpty();
    }

    @Override
    protected List<EnvVar> generateModelValue() {
        return rowList.stream().map(Row::value).toList();
    }

    @Override
    protected void setPresentationValue(List<EnvVar> value) {
        rows.removeAll();
        rowList.clear();
        if (value != null) {
            value.forEach(this::addRow);
        }
        refreshEmpty();
    }

    /** Shows the errors of the rows by their paths; the field itself flags "too many". */
    void showErrors(Map<String, String> byPath) {
        for (int i = 0; i < rowList.size(); i++) {
            String base = "spec.vmConfig.env[" + i + "]";
            rowList.get(i).showErrors(byPath.get(base + ".name"), byPath.get(base + ".value"));
        }
        String listError = byPath.get("spec.vmConfig.env");
        setInvalid(listError != null);
        setErrorMessage(listError);
    }

    private void addRow(EnvVar env) {
        Row row = new Row(env);
        rowList.add(row);
        rows.add(row.layout);
        refreshEmpty();
    }

    private void removeRow(Row row) {
        rowList.remove(row);
        rows.remove(row.layout);
        refreshEmpty();
        updateValue();
    }

    private void refreshEmpty() {
        empty.setVisible(rowList.isEmpty());
    }

    private final class Row {
        final TextField name = new TextField();
        final Select<EnvValueSource> source = new Select<>();
        final TextField value = new TextField();
        final HorizontalLayout layout;

        Row(EnvVar env) {
            name.setPlaceholder("NAME");
            name.setAriaLabel("Variable name");
            name.setMaxLength(EnvVar.MAX_NAME_LENGTH);
            name.setValue(env.name() == null ? "" : env.name());
            name.setValueChangeMode(ValueChangeMode.LAZY);
            source.setAriaLabel("Value from");
            source.setItems(EnvValueSource.values());
            source.setValue(env.valueFrom());
            source.setWidth("8rem");
            value.setPlaceholder("value");
            value.setAriaLabel("Value");
            value.setMaxLength(EnvVar.MAX_VALUE_LENGTH);
            value.setValue(env.value() == null ? "" : env.value());
            value.setValueChangeMode(ValueChangeMode.LAZY);
            Button remove = new Button(VaadinIcon.CLOSE_SMALL.create(), e -> removeRow(this));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
            remove.setAriaLabel("Remove variable");
            remove.setTooltipText("Remove variable");
            name.addValueChangeListener(e -> updateValue());
            value.addValueChangeListener(e -> updateValue());
            source.addValueChangeListener(e -> {
                if (e.getValue() == EnvValueSource.HOST) {
                    value.clear();
                }
                syncValueField();
                updateValue();
            });
            syncValueField();
            layout = new HorizontalLayout(name, source, value, remove);
            layout.setAlignItems(FlexComponent.Alignment.BASELINE);
            layout.addClassName("env-row");
            layout.setFlexGrow(1, name, value);
        }

        /** A HOST variable takes the proxy's value: its own value field is off. */
        private void syncValueField() {
            boolean host = source.getValue() == EnvValueSource.HOST;
            value.setEnabled(!host);
            value.setPlaceholder(host ? "from the proxy's environment" : "value");
        }

        EnvVar value() {
            String v = value.getValue();
            return new EnvVar(name.getValue().strip(), source.getValue(), v.isEmpty() ? null : v);
        }

        void showErrors(String nameError, String valueError) {
            name.setInvalid(nameError != null);
            name.setErrorMessage(nameError);
            value.setInvalid(valueError != null);
            value.setErrorMessage(valueError);
        }
    }
}
