package org.wasmconsole.api;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An error the API answers with a given status and problem type, raised by the API layer itself. */
class ApiException extends ErrorResponseException {

    ApiException(HttpStatus status, String type, String detail, List<ApiProblem.Violation> violations, Object report) {
        super(status, ApiProblem.of(status, type, detail, violations, report, null), null);
    }

    ApiException(HttpStatus status, String type, String detail, List<ApiProblem.Violation> violations) {
        this(status, type, detail, violations, null);
    }

    static ApiException badRequest(String path, String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad-request", path + ": " + message,
                List.of(new ApiProblem.Violation(path, message, null, null)));
    }
}
