package org.wasmconsole.extension.yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * WasmExtension documents that could not be read. For a document of the wrong shape it also carries
 * what could be read of it ({@link #partial()}), so that the rules can report every other problem at
 * the same time.
 */
public class ExtensionDocumentException extends DocumentException {

    private final transient List<ParsedExtension> partial;

    public ExtensionDocumentException(List<DocumentProblem> problems, List<ParsedExtension> partial) {
        super(problems);
        this.partial = List.copyOf(partial);
    }

    /** The WasmExtension documents as far as they could be read: each field with a problem left absent. */
    public List<ParsedExtension> partial() {
        return partial;
    }

    /**
     * Every problem of the documents at once: the shape problems, then the rule violations that
     * {@code rules} finds in what could be read, except at (or inside, or above) a field that
     * already has a shape problem (a value that could not be read would only be reported again).
     */
    public List<DocumentProblem> withRuleProblems(Function<ExtensionDefinition, List<Violation>> rules) {
        List<DocumentProblem> all = new ArrayList<>(problems());
        for (ParsedExtension read : partial) {
            List<String> shapePaths = problems().stream().filter(p -> p.document() == read.source().number())
                    .map(DocumentProblem::path).toList();
            for (Violation v : rules.apply(read.definition())) {
                if (shapePaths.stream().noneMatch(p -> related(p, v.path()))) {
                    all.add(new DocumentProblem(read.source().number(), read.lineOf(v.path()), v.path(), v.message()));
                }
            }
        }
        return all;
    }

    /**
     * Whether a rule violation at {@code b} is about the same value as a shape problem at {@code a}.
     * A list with an unreadable item is read without it, so the indexes after it shift: a problem
     * inside a list silences the rules for the whole list.
     */
    private static boolean related(String a, String b) {
        int list = a.indexOf('[');
        String shape = list < 0 ? a : a.substring(0, list);
        return a.equals(b) || inside(a, b) || inside(b, shape) || b.equals(shape);
    }

    private static boolean inside(String child, String parent) {
        return !parent.isEmpty() && (child.startsWith(parent + ".") || child.startsWith(parent + "["));
    }
}
