package org.wasmconsole.base.yaml;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The input could not be read as the documents it should hold: malformed YAML, a limit
 * exceeded, a wrong kind, an unknown field or a value of the wrong type. Nothing was saved.
 */
public class DocumentException extends RuntimeException {

    private final transient List<DocumentProblem> problems;

    public DocumentException(List<DocumentProblem> problems) {
        super(problems.stream().map(DocumentProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public DocumentException(DocumentProblem problem) {
        this(List.of(problem));
    }

    public List<DocumentProblem> problems() {
        return problems;
    }
}
