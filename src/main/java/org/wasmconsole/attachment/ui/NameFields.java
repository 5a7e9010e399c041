package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.ui.DisplayNameField;

/** The name and display name fields every topology dialog starts with, checked as the user types. */
final class NameFields {

    private NameFields() {
    }

    static TextField name(String helper) {
        TextField name = new TextField("Name");
        name.setRequiredIndicatorVisible(true);
        name.setHelperText(helper);
        name.setValueChangeMode(ValueChangeMode.EAGER);
        name.addClassName("topology-field");
        name.addValueChangeListener(e -> showError(name, e.getValue().isEmpty() ? Optional.empty()
                : Names.checkDnsLabel(e.getValue())));
        return name;
    }

    static TextField displayName(String value) {
        return DisplayNameField.of(value, "topology-field", NameFields::showError);
    }

    static void showError(TextField field, Optional<String> message) {
        field.setInvalid(message.isPresent());
        field.setErrorMessage(message.map(m -> TopologyText.fieldMessage(field.getLabel(), m)).orElse(null));
    }

    static void showError(TextField field, String message) {
        showError(field, Optional.ofNullable(message));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
