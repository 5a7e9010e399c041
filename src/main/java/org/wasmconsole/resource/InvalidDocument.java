package org.wasmconsole.resource;

import java.util.List;
import java.util.function.Function;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.base.yaml.SourceDocument;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionDocumentException;
import org.wasmconsole.extension.yaml.ParsedExtension;

/**
 * A document that could not be read as a resource: its problems, and whatever names it gives.
 *
 * @param partial a WasmExtension document as far as it could be read (for its rule problems), or null
 */
public record InvalidDocument(SourceDocument source, String kind, String fqn, List<DocumentProblem> problems,
                              ParsedExtension partial) implements ParsedResource {

    public InvalidDocument(SourceDocument source, String kind, String fqn, List<DocumentProblem> problems) {
        this(source, kind, fqn, problems, null);
    }

    /** The problems, and with {@code rules} the rule violations of what could be read: all at once. */
    public List<DocumentProblem> problems(Function<ExtensionDefinition, List<Violation>> rules) {
        return partial == null ? problems
                : new ExtensionDocumentException(problems, List.of(partial)).withRuleProblems(rules);
    }
}
