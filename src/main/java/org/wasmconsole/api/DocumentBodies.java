package org.wasmconsole.api;

import org.wasmconsole.base.Etags;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.HandlerMapping;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.yaml.SourceDocument;

/**
 * What the workspace, group and gateway endpoints share: a document's names checked against the
 * path, the services' violations pointed at their lines, warnings as headers, and the kind of
 * group or target the matched path names.
 */
final class DocumentBodies {

    private DocumentBodies() {
    }

    /** Refuses (422) a metadata field that names something else than the path does. */
    static void samePath(SourceDocument source, HttpServletRequest request, String path, String written,
                         String inPath, String hint) {
        if (written != null && !Objects.equals(written, inPath)) {
            String message = "is '" + written + "' but the path names '" + inPath + "'; " + hint;
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", path + ": " + message,
                    List.of(violation(source, request, path, message)));
        }
    }

    /** Refuses (422) a document whose metadata.organization or metadata.tenant is not the path's. */
    static void sameTenant(SourceDocument source, HttpServletRequest request, String writtenTenantFqn,
                           String organization, String tenant) {
        Fqn written = Fqn.tenantOf(writtenTenantFqn);
        if (written.organization().equals(organization)) {
            samePath(source, request, "metadata.tenant", written.tenant(), tenant, "make them the same");
        } else {
            samePath(source, request, "metadata.organization", written.organization(), organization,
                    "make them the same");
        }
    }

    /** A service's rule violations (422), each pointed at its line when the body was YAML. */
    static <T> T withLines(SourceDocument source, HttpServletRequest request, Supplier<T> write) {
        return withLines(source, request, path -> path, write);
    }

    /** As above, each rule's path first spelled as the document spells it (a Gateway's {@code spec.wasmPlugins}). */
    static <T> T withLines(SourceDocument source, HttpServletRequest request,
                           java.util.function.UnaryOperator<String> pathIn, Supplier<T> write) {
        try {
            return write.get();
        } catch (ValidationException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "invalid", "the document breaks "
                    + (e.violations().size() == 1 ? "a rule" : e.violations().size() + " rules") + ": "
                    + e.getMessage(), e.violations().stream()
                    .map(v -> violation(source, request, pathIn.apply(v.path()), v.message())).toList());
        }
    }

    static ApiProblem.Violation violation(SourceDocument source, HttpServletRequest request, String path,
                                          String message) {
        boolean yaml = ApiFormat.ofBody(request) == ApiFormat.YAML;
        return new ApiProblem.Violation(path, message, yaml ? source.number() : null,
                yaml ? source.lineOf(path) : null);
    }

    static ResponseEntity.BodyBuilder warnings(ResponseEntity.BodyBuilder response, List<String> warnings) {
        warnings.forEach(w -> response.header(HttpHeaders.WARNING, "299 - \"" + w.replace("\"", "'") + "\""));
        return response;
    }

    /** {@code If-Match: *}: any current version will do (RFC 9110 §13.1.1). */
    static boolean isAny(String ifMatch) {
        return ifMatch != null && ifMatch.strip().equals("*");
    }

    /** An etag of a request header as the services keep it: quoted (see {@link Etags}). */
    static String etagOf(String etag) {
        return Etags.quoted(etag);
    }

    /** The kind of target the matched path names ({@code .../ingressgateways/...}). */
    static TargetKind targetKind(HttpServletRequest request) {
        for (String segment : matchedPattern(request).split("/")) {
            var kind = TargetKind.ofPathSegment(segment);
            if (kind.isPresent()) {
                return kind.get();
            }
        }
        throw new IllegalStateException("no target kind in " + matchedPattern(request));
    }

    /** The kind of group the matched path names ({@code .../gatewaygroups/...}). */
    static GroupKind groupKind(HttpServletRequest request) {
        for (String segment : matchedPattern(request).split("/")) {
            for (GroupKind kind : GroupKind.values()) {
                if (kind.pathSegment().equals(segment)) {
                    return kind;
                }
            }
        }
        throw new IllegalStateException("no group kind in " + matchedPattern(request));
    }

    private static String matchedPattern(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE));
    }
}
