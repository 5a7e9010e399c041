package org.wasmconsole.resource;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;

/**
 * The input could not be read as the documents it should hold: malformed YAML, a limit
 * exceeded, a wrong kind, an unknown field or a value of the wrong type. Nothing was saved.
 * For a WasmExtension document of the wrong shape it also carries what could be read of it
 * ({@link #partial()}), so that the rules can report every other problem at the same time.
 */
public class DocumentException extends RuntimeException {

    private final transient List<DocumentProblem> problems;
    private final transient List<ParsedExtension> partial;

    public DocumentException(List<DocumentProblem> problems) {
        this(problems, List.of());
    }

    public DocumentException(List<DocumentProblem> problems, List<ParsedExtension> partial) {
        super(problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
        this.partial = List.copyOf(partial);
    }

    public DocumentException(DocumentProblem problem) {
        this(List.of(problem));
    }

    public List<DocumentProblem> problems() {
        return problems;
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
        List<DocumentProblem> all = new ArrayList<>(problems);
        for (ParsedExtension read : partial) {
            List<String> shapePaths = problems.stream().filter(p -> p.document() == read.source().number())
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
