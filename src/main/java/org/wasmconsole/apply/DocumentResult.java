package org.wasmconsole.apply;

import java.util.List;
import org.wasmconsole.base.yaml.DocumentProblem;

/**
 * The report line of one document of an apply stream.
 *
 * @param document the document's number in the stream, from 1
 * @param line     the line it starts on
 * @param kind     its kind as written (null when it has none)
 * @param fqn      the resource it names (null when it names none)
 * @param error    for an error, which kind of error (null otherwise)
 * @param changes  for an update, every field it changes
 * @param problems for an error, what is wrong and where
 */
public record DocumentResult(int document, int line, String kind, String fqn, Outcome outcome, ErrorKind error,
                             List<FieldChange> changes, List<DocumentProblem> problems, List<String> warnings) {

    /** Why a document was refused; the API answers 400, 422 and 409 for them, in that precedence. */
    public enum ErrorKind {
        /** Its shape: malformed, wrong kind, unknown field, wrong type. */
        MALFORMED,
        /** Well-formed, but it breaks a rule. */
        INVALID,
        /** Written against an etag that is no longer current. */
        CONFLICT
    }
}
