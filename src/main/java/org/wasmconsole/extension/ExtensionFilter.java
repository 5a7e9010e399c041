package org.wasmconsole.extension;

/**
 * What the catalogue asks for. Every part but the organization is optional (null = any).
 *
 * @param text       free text, matched case-insensitively in name, display name, url, summary and description
 * @param pullPolicy the effective pull policy
 * @param tenant     a tenant FQN: only extensions available to that tenant
 * @param label      a label selector as Kubernetes writes one: {@code key=value} (that label with that
 *                   value) or {@code key} (that label, any value)
 */
public record ExtensionFilter(String organization, String text, PluginPhase phase, PullPolicy pullPolicy,
                              String tenant, String label) {

    public ExtensionFilter(String organization, String text, PluginPhase phase, PullPolicy pullPolicy,
                           String tenant) {
        this(organization, text, phase, pullPolicy, tenant, null);
    }

    public static ExtensionFilter all(String organization) {
        return new ExtensionFilter(organization, null, null, null, null, null);
    }
}
