package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.EditorMarker;
import org.wasmconsole.base.ui.YamlEditor;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.yaml.ExtensionDocumentException;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;

/**
 * "Edit as YAML": the whole WasmExtension document in an editor, read with the same codec as an
 * import and checked with the same rules as the form; each problem is marked on its line.
 */
class ExtensionYamlPane extends Div {

    private final String organization;
    private final Function<ExtensionDefinition, List<Violation>> checker;
    private final YamlEditor editor = new YamlEditor();
    private final Div problems = new Div();
    private final List<Runnable> listeners = new ArrayList<>();
    private StoredExtension original;
    private ParsedExtension parsed;
    private boolean saveable;

    ExtensionYamlPane(String organization, Function<ExtensionDefinition, List<Violation>> checker) {
        this.organization = organization;
        this.checker = checker;
        addClassName("yaml-pane");
        editor.setAriaLabel("WasmExtension document (YAML)");
        editor.setSizeFull();
        problems.addClassName("yaml-problems");
        editor.addValueChangeListener(e -> check());
        add(editor, problems);
    }

    void start(ExtensionDefinition current, StoredExtension original) {
        this.original = original;
        editor.setValue(ExtensionYaml.write(current, null));
        check();
    }

    Optional<ExtensionDefinition> current() {
        return Optional.ofNullable(parsed).map(ParsedExtension::definition);
    }

    boolean isSaveable() {
        return saveable;
    }

    void addChangeListener(Runnable listener) {
        listeners.add(listener);
    }

    private void check() {
        parsed = null;
        saveable = false;
        try {
            List<ParsedExtension> documents = new ExtensionYaml().read(editor.getValue());
            if (documents.size() != 1) {
                show(List.of(new Problem(1, "Write exactly one WasmExtension document here (found "
                        + documents.size() + "); use Import for several")));
            } else {
                parsed = documents.getFirst();
                showViolations(violations(parsed.definition()));
            }
        } catch (ExtensionDocumentException e) {
            // Every problem at once: the shape's, and the rules' on whatever could be read.
            show(e.withRuleProblems(this::violations).stream().map(p -> new Problem(Math.max(p.line(), 1),
                    (p.path().isEmpty() ? "" : p.path() + ": ") + p.message())).toList());
        }
        listeners.forEach(Runnable::run);
    }

    private List<Violation> violations(ExtensionDefinition d) {
        List<Violation> found = new ArrayList<>();
        if (!organization.equals(d.organization())) {
            found.add(new Violation("metadata.organization", "must be " + organization
                    + ": this console manages that organization"));
        }
        if (original != null && !original.definition().name().equals(d.name())) {
            found.add(new Violation("metadata.name", "must stay " + original.definition().name()
                    + ": an extension cannot be renamed; create a new one instead"));
        }
        checker.apply(d).stream()
                .filter(v -> found.stream().noneMatch(f -> f.path().equals(v.path())))
                .forEach(found::add);
        return found;
    }

    /** Marks the service's violations on the lines of their fields. */
    void showViolations(List<Violation> violations) {
        saveable = parsed != null && violations.isEmpty();
        show(violations.stream().map(v -> new Problem(parsed == null ? 1 : parsed.lineOf(v.path()),
                v.path() + ": " + v.message())).toList());
    }

    private void show(List<Problem> problemList) {
        List<Problem> list = problemList.stream().sorted(java.util.Comparator.comparingInt(Problem::line)).toList();
        editor.setMarkers(list.stream().map(p -> EditorMarker.error(p.line, 1, p.message)).toList());
        problems.removeAll();
        list.forEach(p -> {
            Span line = new Span("Line " + p.line + ": " + p.message);
            problems.add(new Div(line));
        });
        problems.setVisible(!list.isEmpty());
    }

    private record Problem(int line, String message) {
    }
}
