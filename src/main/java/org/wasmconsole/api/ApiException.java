package org.wasmconsole.api;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the API answers with a given status and problem type, raised by the API layer itself. */
class ApiException extends RuntimeException {

    final HttpStatus status;
    final String type;
    final transient List<ApiProblem.Violation> violations;
    final transient Object report;

    ApiException(HttpStatus status, String type, String detail, List<ApiProblem.Violation> violations, Object report) {
        super(detail);
        this.status = status;
        this.type = type;
        this.violations = violations;
        this.report = report;
    }

    ApiException(HttpStatus status, String type, String detail, List<ApiProblem.Violation> violations) {
        this(status, type, detail, violations, null);
    }

    static ApiException badRequest(String path, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", path + ": " + message,
                List.of(new ApiProblem.Violation(path, message, null, null)));
    }
}
