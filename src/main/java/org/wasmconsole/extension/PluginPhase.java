package org.wasmconsole.extension;

/**
 * Where Envoy inserts the filter in its HTTP filter chain. The constants' alphabetical order
 * (AUTHN, AUTHZ, STATS, UNSPECIFIED_PHASE) is also the order the proxy runs them in, which lets
 * the database sort the stored names directly.
 */
public enum PluginPhase {
    UNSPECIFIED_PHASE("Unspecified", "The control plane decides; generally the end of the chain, right before the Router."),
    AUTHN("Authentication", "Before Istio authentication filters."),
    AUTHZ("Authorization", "Before Istio authorization filters, after authentication filters."),
    STATS("Stats", "Before Istio stats filters, after authorization filters.");

    private final String label;
    private final String meaning;

    PluginPhase(String label, String meaning) {
        this.label = label;
        this.meaning = meaning;
    }

    public String label() {
        return label;
    }

    public String meaning() {
        return meaning;
    }
}
