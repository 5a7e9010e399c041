package org.wasmconsole.extension;

import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * What the catalogue asks for. Every part but the organization is optional (null = any).
 *
 * @param text       free text, matched case-insensitively in name, display name, url, summary and description
 * @param pullPolicy the effective pull policy
 * @param tenant     a tenant FQN: only extensions available to that tenant
 * @param label      a label selector as Kubernetes writes one: {@code key=value} (that label with that
 *                   value) or {@code key} (that label, any value)
 * @param names      only extensions with these names (e.g. those whose module tag moved, from the artifact
 *                   feature, which this package does not know); null = any name
 */
public record ExtensionFilter(String organization, @Nullable String text, @Nullable PluginPhase phase,
                              @Nullable PullPolicy pullPolicy, @Nullable String tenant, @Nullable String label,
                              @Nullable Set<String> names) {

    public ExtensionFilter {
        names = names == null ? null : Set.copyOf(names);
    }

    public ExtensionFilter(String organization, String text, PluginPhase phase, PullPolicy pullPolicy,
                           String tenant) {
        this(organization, text, phase, pullPolicy, tenant, null, null);
    }

    public ExtensionFilter(String organization, String text, PluginPhase phase, PullPolicy pullPolicy,
                           String tenant, String label) {
        this(organization, text, phase, pullPolicy, tenant, label, null);
    }

    /** This filter, restricted to the given names as well. */
    public ExtensionFilter withNames(Set<String> only) {
        return new ExtensionFilter(organization, text, phase, pullPolicy, tenant, label, only);
    }

    public static ExtensionFilter all(String organization) {
        return new ExtensionFilter(organization, null, null, null, null, null, null);
    }
}
