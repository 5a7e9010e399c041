package org.wasmconsole.apply;

import static org.wasmconsole.apply.DocumentResults.error;
import static org.wasmconsole.apply.DocumentResults.problem;
import static org.wasmconsole.apply.DocumentResults.result;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import org.wasmconsole.apply.DocumentResult.ErrorKind;
import org.wasmconsole.resource.ParsedResource;
import tools.jackson.databind.JsonNode;

/**
 * The one path of apply for a resource that a document replaces whole and that carries an etag (extensions,
 * gateways and security settings): find → create, or diff → unchanged, or etag check → update. The etag, as
 * TSB's: checked when the resource exists, ignored with a warning when it does not yet.
 *
 * @param <T> the stored resource
 * @param document the document as a tree, built only when there is something stored to compare it with (a created
 *                 resource does not need it: 10,000 trees less for a stream of new extensions)
 */
record Replacement<T>(ParsedResource parsed, String fqn, String givenEtag, Supplier<JsonNode> document,
                      Function<T, JsonNode> storedDocument, Function<T, String> storedEtag) {

    /**
     * @param existing what is stored under the document's name, if anything
     * @param create   saves the new resource
     * @param update   replaces the stored one, given it (its etag is current)
     */
    DocumentResult apply(Optional<T> existing, Runnable create, Consumer<T> update, List<String> warnings) {
        if (existing.isEmpty()) {
            if (givenEtag != null) {
                warnings.add("spec.etag was ignored: " + fqn + " does not exist here yet");
            }
            create.run();
            return result(parsed, Outcome.CREATED, List.of(), warnings);
        }
        T current = existing.get();
        List<FieldChange> changes = DocumentDiff.between(storedDocument.apply(current), document.get());
        if (changes.isEmpty()) {
            return result(parsed, Outcome.UNCHANGED, List.of(), warnings);
        }
        String etag = storedEtag.apply(current);
        if (givenEtag != null && !givenEtag.equals(etag)) {
            return error(parsed, ErrorKind.CONFLICT, List.of(problem(parsed, "spec.etag", "is " + givenEtag
                    + " but " + fqn + " is now at " + etag + ": it was changed since this"
                    + " document was read; export it again, or remove spec.etag to overwrite")), warnings);
        }
        update.accept(current);
        return result(parsed, Outcome.UPDATED, changes, warnings);
    }
}
