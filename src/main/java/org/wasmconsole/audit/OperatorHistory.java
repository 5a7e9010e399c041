package org.wasmconsole.audit;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.extension.yaml.ParsedExtension;

/**
 * An extension's history as an operator may read it: no other tenant's name (issue #21). Each document
 * keeps only the operator's own tenants in {@code spec.allowedIn}, written again by the writer that
 * recorded it (so nothing else in it changes); a document whose tenants were all others' is not shown,
 * since an empty list would read as "every tenant". A summary that names another tenant
 * ("assigned to tenant 'x'", "tenant 'x' was deleted") says that a tenant changed, without its name.
 */
final class OperatorHistory {

    /** How the console's summaries name a tenant (TenantAssignmentService, TenantRemoval). */
    private static final Pattern TENANT = Pattern.compile("tenant '([^']*)'");

    private final String organization;
    private final Set<String> ownTenantFqns;
    private final ExtensionYaml yaml = new ExtensionYaml();

    OperatorHistory(String organization, Set<String> ownTenantFqns) {
        this.organization = organization;
        this.ownTenantFqns = Set.copyOf(ownTenantFqns);
    }

    AuditEntry entry(AuditEntry e) {
        return new AuditEntry(e.id(), e.time(), e.username(), e.action(), e.resourceType(), e.organization(),
                e.resourceName(), summary(e.summary()), e.hasDocuments());
    }

    AuditDetails details(AuditDetails d) {
        return new AuditDetails(entry(d.entry()), document(d.before()), document(d.after()), d.etag());
    }

    String summary(String summary) {
        if (summary == null) {
            return null;
        }
        Matcher m = TENANT.matcher(summary);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            boolean own = ownTenantFqns.contains(Fqn.tenant(organization, m.group(1)).toString());
            m.appendReplacement(out, Matcher.quoteReplacement(own ? m.group() : "another tenant"));
        }
        return m.appendTail(out).toString();
    }

    String document(String text) {
        if (text == null) {
            return null;
        }
        try {
            List<ParsedExtension> parsed = yaml.read(text);
            ExtensionDefinition definition = parsed.getFirst().definition();
            List<String> own = definition.allowedIn().stream().filter(ownTenantFqns::contains).toList();
            if (own.isEmpty() && !definition.allowedIn().isEmpty()) {
                return null;
            }
            return own.size() == definition.allowedIn().size() ? text
                    : ExtensionYaml.write(definition.toBuilder().allowedIn(own).build(), null);
        } catch (RuntimeException unreadable) {
            // A record the reader cannot narrow is not shown rather than shown whole.
            return null;
        }
    }
}
