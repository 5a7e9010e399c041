package org.wasmconsole.base.ui;

import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.wasmconsole.base.Names;

/** The optional display name field of the console's create and rename dialogs, checked as the user types. */
public final class DisplayNameField {

    private DisplayNameField() {
    }

    /**
     * @param value     the current display name, or null
     * @param className the dialog's field class, for its layout
     * @param showError how the dialog shows a field's problem (or clears it, for an empty one)
     */
    public static TextField of(String value, String className, BiConsumer<TextField, Optional<String>> showError) {
        TextField displayName = new TextField("Display name");
        displayName.setHelperText("Optional; one line, at most " + Names.MAX_DISPLAY_NAME_LENGTH + " characters");
        displayName.setValueChangeMode(ValueChangeMode.EAGER);
        displayName.setValue(value == null ? "" : value);
        displayName.addClassName(className);
        displayName.addValueChangeListener(e -> showError.accept(displayName, Names.checkDisplayName(e.getValue())));
        return displayName;
    }
}
