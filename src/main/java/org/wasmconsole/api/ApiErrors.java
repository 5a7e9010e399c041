package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.yaml.DocumentException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.extension.ExtensionInUseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every error of the API as problem details: the services' exceptions keep their meaning (rule
 * broken 422, stale etag 409, unknown or invisible 404, not allowed 403), and anything unexpected
 * is a 500 with a reference to the log, never a stack trace.
 */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper FILTER_JSON = JsonMapper.builder()
            .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class).build();
    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e, HttpServletRequest request) {
        return ResponseEntity.status(e.getStatusCode()).contentType(PROBLEM_JSON)
                .body(ApiProblem.at(e.getBody(), request));
    }

    @ExceptionHandler(DocumentException.class)
    ResponseEntity<ProblemDetail> malformed(DocumentException e, HttpServletRequest request) {
        return problem(HttpStatus.BAD_REQUEST, "malformed-document", "the input is not a well-formed document: "
                + e.getMessage(), violations(e.problems(), ApiFormat.ofBody(request)), null, request);
    }

    @ExceptionHandler(ValidationException.class)
    ResponseEntity<ProblemDetail> invalid(ValidationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "the input breaks "
                + (e.violations().size() == 1 ? "a rule" : e.violations().size() + " rules") + ": " + e.getMessage(),
                e.violations().stream().map(v -> new ApiProblem.Violation(v.path(), v.message(), null, null)).toList(),
                null, request);
    }

    /** An extension still attached somewhere: 409, and where, so that a script can detach it or pass detach=true. */
    @ExceptionHandler(ExtensionInUseException.class)
    ResponseEntity<ProblemDetail> inUse(ExtensionInUseException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "extension-in-use", e.getMessage() + " (or repeat the request with"
                + " ?detach=true)", e.path() == null ? List.of() : List.of(new ApiProblem.Violation(e.path(),
                e.getMessage(), null, null)), null, e.places(), request);
    }

    @ExceptionHandler(ConflictException.class)
    ResponseEntity<ProblemDetail> conflict(ConflictException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", e.getMessage(), e.path() == null ? List.of()
                : List.of(new ApiProblem.Violation(e.path(), e.getMessage(), null, null)), null, request);
    }

    /** Two writes of the same thing at the same moment: the one that lost is told to try again. */
    @ExceptionHandler(OptimisticLockingFailureException.class)
    ResponseEntity<ProblemDetail> concurrent(OptimisticLockingFailureException e, HttpServletRequest request) {
        return problem(HttpStatus.CONFLICT, "conflict", "someone else changed the same resource at the same moment;"
                + " read it again and repeat the request", null, null, request);
    }

    @ExceptionHandler(NotFoundException.class)
    ResponseEntity<ProblemDetail> notFound(NotFoundException e, HttpServletRequest request) {
        return problem(HttpStatus.NOT_FOUND, "not-found", e.getMessage(), null, null, request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this", null, null, request);
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException e, HttpServletRequest request) {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "sign in with HTTP Basic", null, null, request);
    }

    /**
     * A path or query parameter that does not convert to its type ({@code /group-mappings/abc}, {@code ?dryRun=maybe}):
     * the caller's mistake, 400 naming the parameter. Spring's {@link TypeMismatchException} carries no status of its
     * own, so without this it would fall through to the 500 below.
     */
    @ExceptionHandler(TypeMismatchException.class)
    ResponseEntity<ProblemDetail> badParameter(TypeMismatchException e, HttpServletRequest request) {
        String name = e instanceof MethodArgumentTypeMismatchException m ? m.getName() : e.getPropertyName();
        Class<?> type = e.getRequiredType();
        String expected = type == null ? "a valid value" : type == Boolean.class || type == boolean.class
                ? "true or false" : Number.class.isAssignableFrom(type) || type.isPrimitive() ? "a number"
                : "a valid " + type.getSimpleName();
        String message = "must be " + expected + ", not \"" + e.getValue() + "\"";
        return problem(HttpStatus.BAD_REQUEST, "bad-parameter", "parameter " + name + " " + message,
                List.of(new ApiProblem.Violation(String.valueOf(name), message, null, null)), null, request);
    }

    /** Spring MVC's own errors (405, 406, 415, a bad query parameter...) keep their status; the rest is a 500. */
    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
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

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
                                                 List<ApiProblem.Violation> violations, Object report,
                                                 HttpServletRequest request) {
        return problem(status, type, detail, violations, report, null, request);
    }

    static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String detail,
                                                 List<ApiProblem.Violation> violations, Object report,
                                                 List<String> places, HttpServletRequest request) {
        return ResponseEntity.status(status).contentType(PROBLEM_JSON)
                .body(ApiProblem.at(ApiProblem.of(status, type, detail, violations, report, places), request));
    }

    /**
     * The one place a problem is serialised by hand: for the security filters (401, 403, the firewall's
     * 400), which answer before Spring MVC and its message converters run. Spring's own mixin makes
     * the JSON the same as the converters write.
     */
    static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status, String type,
                      String detail) throws IOException {
        ProblemDetail problem = ApiProblem.at(ApiProblem.of(status, type, detail, null, null, null), request);
        response.setStatus(status.value());
        response.setContentType(PROBLEM_JSON.toString());
        response.getOutputStream().write(FILTER_JSON.writeValueAsBytes(problem));
    }
}
