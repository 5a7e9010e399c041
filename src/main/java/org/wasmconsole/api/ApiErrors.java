package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.resource.DocumentException;
import org.wasmconsole.resource.DocumentProblem;

/**
 * Every error of the API as problem details: the services' exceptions keep their meaning (rule
 * broken 422, stale etag 409, unknown or invisible 404, not allowed 403), and anything unexpected
 * is a 500 with a reference to the log, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<byte[]> api(ApiException e, HttpServletRequest request) {
        return problem(e.status, e.type, e.getMessage(), e.violations, e.report, request);
    }

    @ExceptionHandler(DocumentException.class)
    ResponseEntity<byte[]> malformed(DocumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-document", "the input is not a well-formed document: "
                + e.getMessage(), violations(e.problems(), ApiFormat.ofBody(request)), null, request);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<byte[]> invalid(ValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "the input breaks "
                + (e.violations().size() == 1 ? "a rule" : e.violations().size() + " rules") + ": " + e.getMessage(),
                e.violations().stream().map(v -> new ApiProblem.Violation(v.path(), v.message(), null, null)).toList(),
                null, request);
    }

    /** An extension still attached somewhere: 409, and where, so that a script can detach it or pass detach=true. */
    @ExceptionHandler(ExtensionInUseException.class)
    ResponseEntity<byte[]> inUse(ExtensionInUseException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "extension-in-use", e.getMessage() + " (or repeat the request with"
                + " ?detach=true)", e.path() == null ? List.of() : List.of(new ApiProblem.Violation(e.path(),
                e.getMessage(), null, null)), null, e.places(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<byte[]> conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), e.path() == null ? List.of()
                : List.of(new ApiProblem.Violation(e.path(), e.getMessage(), null, null)), null, request);
    }

    /** Two writes of the same thing at the same moment: the one that lost is told to try again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<byte[]> concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", "someone else changed the same resource at the same moment;"
                + " read it again and repeat the request", null, null, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<byte[]> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null, null, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<byte[]> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this", null, null, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<byte[]> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "sign in with HTTP Basic", null, null, request);
    }

    /** Spring MVC's own errors (405, 406, 415, a bad query parameter...) keep their status; the rest is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<byte[]> unexpected(Exception e, HttpServletRequest request) {
        if (e instanceof ErrorResponse error) {
            HttpStatus status = HttpStatus.valueOf(error.getStatusCode().value());
            String detail = error.getBody().getDetail();
            return problem(status, "http-" + status.value(), detail == null ? status.getReasonPhrase() : detail,
                    null, null, request);
        }
        String reference = UUID.randomUUID().toString();
        log.error("API request {} {} failed (reference {})", request.getMethod(), request.getRequestURI(), reference, e);
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "the console failed to answer; the server log has"
                + " the details under reference " + reference, null, null, request);
    }

    /** Document problems as violations; document and line only for YAML input (JSON has one document). */
    static List<ApiProblem.Violation> violations(List<DocumentProblem> problems, ApiFormat input) {
        return problems.stream().map(p -> new ApiProblem.Violation(p.path(), p.message(),
                input == ApiFormat.YAML ? p.document() : null,
                input == ApiFormat.YAML && p.line() > 0 ? p.line() : null)).toList();
    }

    static ResponseEntity<byte[]> problem(HttpStatus status, String type, String detail,
                                          List<ApiProblem.Violation> violations, Object report,
                                          HttpServletRequest request) {
        return problem(status, type, detail, violations, report, null, request);
    }

    static ResponseEntity<byte[]> problem(HttpStatus status, String type, String detail,
                                          List<ApiProblem.Violation> violations, Object report, List<String> places,
                                          HttpServletRequest request) {
        ApiProblem body = new ApiProblem(ApiProblem.TYPE_PREFIX + type, status.getReasonPhrase(), status.value(),
                detail, request.getRequestURI(), violations == null || violations.isEmpty() ? null : violations,
                report, places);
        return ResponseEntity.status(status).contentType(PROBLEM_JSON)
                .body(ApiFormat.JSON_MAPPER.writeValueAsBytes(body));
    }
}
