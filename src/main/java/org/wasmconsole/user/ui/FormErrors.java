package org.wasmconsole.user.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.html.Div;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;

/**
 * The errors of a dialog's form: each of a service's violations on the field its path names when
 * that field shows, the others together in one line above the form.
 */
final class FormErrors {

    private final Div formError = new Div();
    private final Map<String, HasValidation> fields;

    /** @param fields the form's fields by the violation path that names them */
    FormErrors(Map<String, HasValidation> fields) {
        this.fields = fields;
        formError.addClassName("form-error");
        formError.setVisible(false);
    }

    /** The line above the form, for the dialog to add. */
    Div line() {
        return formError;
    }

    void clear() {
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        formError.setVisible(false);
    }

    void show(List<Violation> violations) {
        StringBuilder other = new StringBuilder();
        for (Violation v : violations) {
            String message = capitalize(v.message());
            HasValidation field = fields.get(v.path());
            if (field != null && ((Component) field).isVisible()) {
                field.setErrorMessage(message);
                field.setInvalid(true);
            } else {
                other.append(other.isEmpty() ? "" : "; ").append(message);
            }
        }
        formError.setText(other.toString());
        formError.setVisible(!other.isEmpty());
    }

    /**
     * Runs a save and shows what the service refuses: broken rules and a collision on their fields,
     * something gone ({@code gone} adds a hint) above the form.
     *
     * @return whether it saved
     */
    boolean saved(Runnable save, String gone) {
        try {
            save.run();
            return true;
        } catch (ValidationException e) {
            show(e.violations());
        } catch (ConflictException e) {
            show(List.of(new Violation(e.path(), e.getMessage())));
        } catch (NotFoundException e) {
            showOnForm("Not found: " + e.getMessage() + gone);
        }
        return false;
    }

    /** A problem of the whole form (what was edited is gone). */
    void showOnForm(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
