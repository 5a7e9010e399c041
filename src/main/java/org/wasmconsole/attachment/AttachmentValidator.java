package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginConfigRules;
import org.wasmconsole.base.Fqn;

/**
 * The rules of one attachment (spec §5). Paths are relative to the document holding the
 * attachment: the caller gives the prefix of the item, e.g. {@code extension[0]}, and gets
 * {@code extension[0].match[1].ports[0].number}. Pure: whether the extension exists and is
 * visible to the caller is the service's question, asked before these rules.
 */
public final class AttachmentValidator {

    public static final int MIN_PORT = 1;
    public static final int MAX_PORT = 65535;

    private static final String FQN_EXAMPLE = "organizations/tse/extensions/wasm-auth";

    private AttachmentValidator() {
    }

    /** Every violation of the attachment, in document order. */
    public static List<Violation> validate(Attachment attachment, String prefix) {
        List<Violation> v = new ArrayList<>();
        checkFqn(attachment.fqn(), at(prefix, "fqn"), v);
        // The same rule as spec.config, as the attachment's config replaces it (spec §2, §5).
        PluginConfigRules.check(attachment.config(), at(prefix, "config"), v);
        for (int j = 0; j < attachment.match().size(); j++) {
            checkSelector(attachment.match().get(j), at(prefix, "match[" + j + "]"), v);
        }
        return v;
    }

    private static void checkFqn(String fqn, String path, List<Violation> v) {
        if (fqn == null || fqn.isEmpty()) {
            v.add(new Violation(path, "is required: the FQN of the extension to attach, e.g. " + FQN_EXAMPLE));
            return;
        }
        Optional<Fqn> extension = Fqn.tryParse(fqn, Fqn.Level.EXTENSION);
        if (extension.isEmpty()) {
            v.add(new Violation(path, "'" + fqn + "' is not an extension FQN: write"
                    + " organizations/<organization>/extensions/<name>, e.g. " + FQN_EXAMPLE));
            return;
        }
        Optional<String> organization = Names.checkDnsLabel(extension.get().organization());
        Optional<String> name = Names.checkDnsLabel(extension.get().extension());
        if (organization.isPresent()) {
            v.add(new Violation(path, "'" + fqn + "': the organization " + organization.get()));
        } else if (name.isPresent()) {
            v.add(new Violation(path, "'" + fqn + "': the extension name " + name.get()));
        }
    }

    private static void checkSelector(MatchSelector selector, String path, List<Violation> v) {
        if (selector == null) {
            v.add(new Violation(path, "is empty: give a mode (CLIENT, SERVER or CLIENT_AND_SERVER) or remove"
                    + " the selector"));
            return;
        }
        // An omitted mode is CLIENT_AND_SERVER (TSB and Istio): nothing to report (MatchSelector.effectiveMode).
        Map<Integer, Integer> firstIndex = new HashMap<>();
        for (int k = 0; k < selector.ports().size(); k++) {
            Integer port = selector.ports().get(k);
            String portPath = path + ".ports[" + k + "].number";
            if (port == null) {
                v.add(new Violation(portPath, "is required: a port number from " + MIN_PORT + " to " + MAX_PORT));
            } else if (port < MIN_PORT || port > MAX_PORT) {
                v.add(new Violation(portPath, "is " + port + "; use a port number from " + MIN_PORT + " to "
                        + MAX_PORT));
            } else {
                Integer earlier = firstIndex.putIfAbsent(port, k);
                if (earlier != null) {
                    v.add(new Violation(portPath, "port " + port + " is already listed at " + path + ".ports["
                            + earlier + "]; remove the duplicate"));
                }
            }
        }
    }

    /**
     * Spec §4/§5: an extension is usable in every tenant of its own organization when its allowedIn
     * is empty, else only in the tenants listed; never in a tenant of another organization.
     *
     * @throws IllegalArgumentException when {@code tenant} is not a tenant FQN: targets come from
     *                                  stored tenants, so that is a bug, not a user's mistake
     */
    public static boolean isAllowedIn(ExtensionDefinition extension, String tenant) {
        if (!tenantFqn(tenant).organization().equals(extension.organization())) {
            return false;
        }
        return extension.allowedIn().isEmpty() || extension.allowedIn().contains(tenant);
    }

    /**
     * The allowedIn rule as a violation at {@code <prefix>.fqn}, where the user fixes it. The
     * message never lists the tenants that are allowed: a tenant operator must not learn about
     * other tenants (spec §4). Callers hide an extension the user may not see (not found) before
     * asking this.
     */
    public static Optional<Violation> checkAllowedIn(ExtensionDefinition extension, String tenant, String prefix) {
        if (isAllowedIn(extension, tenant)) {
            return Optional.empty();
        }
        Fqn fqn = tenantFqn(tenant);
        String path = at(prefix, "fqn");
        String organization = fqn.organization();
        if (!organization.equals(extension.organization())) {
            return Optional.of(new Violation(path, "extension '" + extension.name() + "' belongs to organization '"
                    + extension.organization() + "' and cannot be attached in tenant '" + fqn.tenant()
                    + "' of organization '" + organization + "'; attach an extension of organization '"
                    + organization + "' instead"));
        }
        return Optional.of(new Violation(path, "extension '" + extension.name() + "' is not allowed in tenant '"
                + fqn.tenant() + "': attach it in a tenant its spec.allowedIn lists, or ask a platform admin to add "
                + tenant + " to its spec.allowedIn"));
    }

    private static Fqn tenantFqn(String tenant) {
        return Fqn.tryParse(tenant, Fqn.Level.TENANT)
                .orElseThrow(() -> new IllegalArgumentException("not a tenant FQN: " + tenant));
    }

    private static String at(String prefix, String field) {
        return prefix == null || prefix.isEmpty() ? field : prefix + "." + field;
    }
}
