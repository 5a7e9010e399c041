package org.wasmconsole.extension.ui;

import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationResult;
import com.vaadin.flow.data.binder.Validator;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.base.Violation;

/**
 * The extension form's errors: the service's violations by field path, each shown under the field
 * bound to that path (or a parent of it) once the user has touched the field, or after a save attempt.
 * The form owns the fields; this owns when and where their errors show.
 */
final class FieldViolations {

    /** Paths that fields outside the binder (the env list, the config) show themselves. */
    private static final List<String> SHOWN_ELSEWHERE = List.of("spec.vmConfig.env", "spec.config");

    private final Map<String, Binder.Binding<ExtensionFormBean, ?>> bindingsByPath = new HashMap<>();
    private final Set<String> touched = new HashSet<>();
    private Map<String, String> violations = Map.of();
    private boolean showAll;

    void bound(String path, Binder.Binding<ExtensionFormBean, ?> binding) {
        bindingsByPath.put(path, binding);
    }

    /** A field's rule is the service's: the violation reported for its path, or a child's of it. */
    <T> Validator<T> rule(String path) {
        return (value, context) -> {
            if (!shows(path)) {
                return ValidationResult.ok();
            }
            return violations.entrySet().stream()
                    .filter(v -> v.getKey().equals(path) || v.getKey().startsWith(path + "["))
                    .map(v -> ValidationResult.error(v.getValue())).findFirst().orElse(ValidationResult.ok());
        };
    }

    void touch(String path) {
        touched.add(path);
    }

    /** Whether the errors of the field at {@code path} show: touched, or after a save attempt. */
    boolean shows(String path) {
        return showAll || touched.contains(path);
    }

    /** A new bean read: nothing touched, nothing shown. */
    void reset() {
        touched.clear();
        showAll = false;
    }

    /** After a refused save: every field shows its error, touched or not. */
    void showAll() {
        showAll = true;
    }

    /**
     * Takes the service's latest violations and re-validates the bound fields; returns them by path
     * (the first of each path).
     */
    Map<String, String> update(List<Violation> found) {
        Map<String, String> map = new HashMap<>();
        found.forEach(v -> map.putIfAbsent(v.path(), v.message()));
        violations = map;
        bindingsByPath.values().forEach(b -> b.validate(true));
        return map;
    }

    /** The violations no field owns, as "path: message", for the top of the form. */
    List<String> orphans() {
        List<String> orphans = new ArrayList<>();
        violations.forEach((path, message) -> {
            boolean owned = bindingsByPath.keySet().stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "["))
                    || SHOWN_ELSEWHERE.stream().anyMatch(path::startsWith);
            if (!owned) {
                orphans.add(path + ": " + message);
            }
        });
        return orphans;
    }

    boolean isEmpty() {
        return violations.isEmpty();
    }

    List<Violation> current() {
        return violations.entrySet().stream().map(e -> new Violation(e.getKey(), e.getValue())).toList();
    }
}
