package org.wasmconsole.apply;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What an apply did, or in a dry run would do, document by document. All or nothing: when one
 * document has an error, nothing was saved ({@code applied} is false).
 */
public record ApplyReport(boolean dryRun, boolean applied, List<DocumentResult> documents) {

    public boolean hasErrors() {
        return documents.stream().anyMatch(d -> d.outcome() == Outcome.ERROR);
    }

    /** How many documents have each outcome (every outcome present, zero included). */
    public Map<Outcome, Long> counts() {
        Map<Outcome, Long> counts = new java.util.EnumMap<>(Outcome.class);
        for (Outcome o : Outcome.values()) {
            counts.put(o, 0L);
        }
        documents.forEach(d -> counts.merge(d.outcome(), 1L, Long::sum));
        return counts;
    }

    /** The most basic error of the stream: malformed before invalid before conflict; empty without errors. */
    public Optional<DocumentResult.ErrorKind> worstError() {
        return documents.stream().map(DocumentResult::error).filter(java.util.Objects::nonNull)
                .min(Comparator.naturalOrder());
    }

    public List<DocumentResult> errors() {
        return documents.stream().filter(d -> d.outcome() == Outcome.ERROR).toList();
    }
}
