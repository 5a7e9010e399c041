package org.wasmconsole.apply;

import java.util.List;
import org.wasmconsole.apply.DocumentResult.ErrorKind;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.yaml.DocumentProblem;
import org.wasmconsole.resource.ExtensionResource;
import org.wasmconsole.resource.ParsedConfigSchema;
import org.wasmconsole.resource.ParsedResource;
import org.wasmconsole.resource.ParsedTenant;

/** How the apply passes write a document's line of the report: a result, an error, a service's refusal. */
final class DocumentResults {

    private DocumentResults() {
    }

    /** A service's refusal as the document's error, each violation at its line; anything else is a bug. */
    static DocumentResult refused(ParsedResource resource, RuntimeException e, List<String> warnings) {
        return switch (e) {
            case ValidationException v -> error(resource, ErrorKind.INVALID, v.violations().stream()
                    .map(x -> problem(resource, pathIn(resource, x.path()), x.message())).toList(), warnings);
            case ConflictException c -> error(resource, ErrorKind.CONFLICT, List.of(problem(resource,
                    c.path() == null ? "" : c.path(), c.getMessage())), warnings);
            case NotFoundException n when resource instanceof ParsedConfigSchema -> error(resource, ErrorKind.INVALID,
                    List.of(problem(resource, "metadata.name", n.getMessage().replace(" was not found", " does not exist")
                            + "; a config schema belongs to an extension: create the extension first (in this stream or"
                            + " before)")), warnings);
            case NotFoundException n when resource instanceof ParsedTenant || resource instanceof ExtensionResource ->
                    error(resource, ErrorKind.INVALID, List.of(problem(resource, "metadata.organization",
                            n.getMessage().replace(" was not found", " does not exist")
                                    + "; create the organization first")), warnings);
            // Parents are checked first; this is one deleted by someone else in the meantime.
            case NotFoundException n -> error(resource, ErrorKind.INVALID, List.of(problem(resource, "metadata",
                    n.getMessage().replace(" was not found", " does not exist"))), warnings);
            default -> throw e;
        };
    }

    /** TSB's Tenant documents carry the display name in spec; the tenant service names it as on extensions. */
    static String pathIn(ParsedResource resource, String path) {
        if (resource instanceof org.wasmconsole.resource.ParsedTarget target) { // a Gateway's list is wasmPlugins
            return target.definition().ref().kind().documentPath(path);
        }
        return resource instanceof ParsedTenant && path.equals("metadata.displayName")
                && resource.source().lines().contains("spec.displayName") ? "spec.displayName" : path;
    }

    static DocumentProblem problem(ParsedResource resource, String path, String message) {
        return new DocumentProblem(resource.source().number(), resource.source().lineOf(path), path, message);
    }

    static DocumentResult result(ParsedResource r, Outcome outcome, List<FieldChange> changes,
                                         List<String> warnings) {
        return new DocumentResult(r.source().number(), r.source().line(), r.kind(), r.fqn(), outcome, null,
                changes, List.of(), List.copyOf(warnings));
    }

    static DocumentResult error(ParsedResource r, ErrorKind kind, List<DocumentProblem> problems,
                                        List<String> warnings) {
        return new DocumentResult(r.source().number(), r.source().line(), r.kind(), r.fqn(), Outcome.ERROR, kind,
                List.of(), List.copyOf(problems), List.copyOf(warnings));
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static String json(String s) {
        return s == null ? null : tools.jackson.databind.node.JsonNodeFactory.instance.stringNode(s).toString();
    }
}
