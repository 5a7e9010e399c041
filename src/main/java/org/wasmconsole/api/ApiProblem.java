package org.wasmconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}), with every problem of
 * the input located by its field path and, for YAML input, its document and line.
 *
 * @param places for an extension that is still in use: where it is attached (target FQN and the
 *               {@code spec.extension[i]} item)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ApiProblem(String type, String title, int status, String detail, String instance,
                  List<Violation> violations, Object report, List<String> places) {

    static final String TYPE_PREFIX = "urn:wasm-extension-console:problem:";

    /**
     * @param document the document's number in a YAML stream, from 1 (null for JSON input)
     * @param line     its line in the input (null when unknown)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Violation(String path, String message, Integer document, Integer line) {
    }
}
