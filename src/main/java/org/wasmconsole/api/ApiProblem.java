package org.wasmconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * An error as RFC 9457 problem details ({@code application/problem+json}): Spring's
 * {@link ProblemDetail} with the console's problem types ({@code urn:wasm-extension-console:problem:…})
 * and its own members: {@code violations} (every problem of the input located by its field path and,
 * for YAML input, its document and line), {@code report} (an apply report) and {@code places} (for an
 * extension that is still in use: where it is attached, target FQN and {@code spec.extension[i]} item).
 * Spring MVC's message converter writes it (Spring's mixin puts the members beside the standard ones);
 * the order below keeps the standard members in RFC order, where Jackson 3 would sort them.
 */
@JsonPropertyOrder({"type", "title", "status", "detail", "instance"})
final class ApiProblem extends ProblemDetail {

    static final String TYPE_PREFIX = "urn:wasm-extension-console:problem:";

    private ApiProblem(HttpStatus status) {
        super(status.value());
    }

    /** The problem of the given status and console type; the members that are null or empty are left out. */
    static ProblemDetail of(HttpStatus status, String type, String detail, List<Violation> violations, Object report,
                            List<String> places) {
        ProblemDetail problem = new ApiProblem(status);
        problem.setDetail(detail);
        problem.setType(URI.create(TYPE_PREFIX + type));
        problem.setTitle(status.getReasonPhrase());
        if (violations != null && !violations.isEmpty()) {
            problem.setProperty("violations", violations);
        }
        if (report != null) {
            problem.setProperty("report", report);
        }
        if (places != null) {
            problem.setProperty("places", places);
        }
        return problem;
    }

    /** The same problem, naming the request it answers as its instance (the path as the client sent it). */
    static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
        String path = request.getRequestURI();
        URI instance;
        try {
            instance = new URI(path);
        } catch (URISyntaxException e) {
            try {
                // a raw path the URI grammar refuses but the container let through: its odd characters quoted
                instance = new URI(null, null, path, null);
            } catch (URISyntaxException again) {
                instance = null;
            }
        }
        problem.setInstance(instance);
        return problem;
    }

    /**
     * @param document the document's number in a YAML stream, from 1 (null for JSON input)
     * @param line     its line in the input (null when unknown)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Violation(String path, String message, Integer document, Integer line) {
    }
}
