package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wasmconsole.base.NotFoundException;

/**
 * Any other request under /api is a problem, not the screens' HTML page (Vaadin answers every unmapped
 * path): 404 for a path the API does not have; for a path it has, 405 with {@code Allow} for another
 * method, 415 for a body type it does not read, 406 for an answer type it cannot write. (This catch-all
 * would otherwise hide Spring's own 405/415/406, since it matches every method and type.)
 */
@RestController
@Hidden
class UnknownApiPath {

    private final RequestMappingHandlerMapping mappings;

    UnknownApiPath(@Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping mappings) {
        this.mappings = mappings;
    }

    @RequestMapping("/api/**")
    ResponseEntity<ProblemDetail> unknown(HttpServletRequest request) {
        Set<String> allowed = new TreeSet<>();
        boolean pathKnown = false;
        boolean methodKnown = false;
        boolean bodyReadable = false;
        for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
            RequestMappingInfo info = e.getKey();
            if (e.getValue().getBeanType() == UnknownApiPath.class || info.getPathPatternsCondition() == null
                    || info.getPathPatternsCondition().getMatchingCondition(request) == null) {
                continue;
            }
            pathKnown = true;
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            methods.forEach(m -> allowed.add(m.name()));
            if (methods.contains(RequestMethod.GET)) {
                allowed.add("HEAD");
            }
            if (info.getMethodsCondition().getMatchingCondition(request) != null) {
                methodKnown = true;
                bodyReadable |= info.getConsumesCondition().getMatchingCondition(request) != null;
            }
        }
        if (!pathKnown) {
            throw new NotFoundException("API path " + request.getRequestURI() + " (see /v3/api-docs)");
        }
        if (!methodKnown) {
            ResponseEntity<ProblemDetail> problem = ApiErrors.problem(HttpStatus.METHOD_NOT_ALLOWED, "http-405",
                    request.getMethod() + " is not allowed on this path; use " + String.join(", ", allowed), null,
                    null, request);
            return ResponseEntity.status(problem.getStatusCode()).headers(problem.getHeaders())
                    .header(HttpHeaders.ALLOW, String.join(", ", allowed)).body(problem.getBody());
        }
        if (!bodyReadable) {
            return ApiErrors.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "http-415", "the body's Content-Type "
                    + (request.getContentType() == null ? "is missing" : "'" + request.getContentType() + "' is not"
                    + " read here") + "; send application/json or application/yaml", null, null, request);
        }
        return ApiErrors.problem(HttpStatus.NOT_ACCEPTABLE, "http-406", "this path answers application/json or"
                + " application/yaml; ask for one of them in Accept", List.of(), null, request);
    }
}
