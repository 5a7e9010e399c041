package org.wasmconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.wasmconsole.apply.ApplyReport;
import org.wasmconsole.apply.DocumentResult;
import org.wasmconsole.apply.FieldChange;

/** An apply report as the API writes it: outcomes in lower case, empty lists left out. */
record ReportBody(boolean dryRun, boolean applied, Map<String, Long> summary, List<Document> documents) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record Document(int document, int line, String kind, String fqn, String outcome, List<FieldChange> changes,
                    List<ApiProblem.Violation> problems, List<String> warnings) {
    }

    static ReportBody of(ApplyReport report) {
        Map<String, Long> summary = report.counts().entrySet().stream().collect(Collectors.toMap(
                e -> e.getKey().name().toLowerCase(Locale.ROOT), Map.Entry::getValue, (a, b) -> a,
                java.util.LinkedHashMap::new));
        return new ReportBody(report.dryRun(), report.applied(), summary,
                report.documents().stream().map(ReportBody::document).toList());
    }

    private static Document document(DocumentResult d) {
        return new Document(d.document(), d.line(), d.kind(), d.fqn(), d.outcome().name().toLowerCase(Locale.ROOT),
                d.changes(), ApiErrors.violations(d.problems(), ApiFormat.YAML), d.warnings());
    }
}
