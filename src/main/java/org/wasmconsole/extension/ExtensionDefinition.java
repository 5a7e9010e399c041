package org.wasmconsole.extension;

import java.util.List;
import org.wasmconsole.base.ObjectMeta;
import tools.jackson.databind.JsonNode;
import org.wasmconsole.base.Fqn;

/**
 * Everything a user states about a WasmExtension: the metadata and spec of spec §1, without the
 * server-managed fields. Views, the REST API and import all hand one of these to
 * {@link ExtensionService}, which validates it with {@link ExtensionValidator} before saving.
 *
 * @param summary    {@code metadata.description}: a one-line summary
 * @param description {@code spec.description}: the long Markdown text
 * @param config     {@code spec.config}: a free-form JSON-compatible object, or null when absent
 * @param allowedIn  tenant FQNs; empty = every tenant of the organization
 * @param meta       {@code metadata.labels} and {@code metadata.annotations}, kept as given
 */
public record ExtensionDefinition(
        String organization,
        String name,
        String displayName,
        String summary,
        String url,
        String source,
        String description,
        PluginPhase phase,
        int priority,
        JsonNode config,
        PullPolicy imagePullPolicy,
        String imagePullSecret,
        List<EnvVar> env,
        WorkloadMode matchMode,
        List<String> allowedIn,
        ObjectMeta meta) {

    public ExtensionDefinition {
        meta = meta == null ? ObjectMeta.EMPTY : meta;
        phase = phase == null ? PluginPhase.UNSPECIFIED_PHASE : phase;
        imagePullPolicy = imagePullPolicy == null ? PullPolicy.UNSPECIFIED_POLICY : imagePullPolicy;
        matchMode = matchMode == null ? WorkloadMode.UNDEFINED : matchMode;
        env = env == null ? List.of() : List.copyOf(env);
        allowedIn = allowedIn == null ? List.of() : List.copyOf(allowedIn);
    }

    public String fqn() {
        return fqn(organization, name);
    }

    public static String fqn(String organization, String name) {
        return Fqn.extension(organization, name).toString();
    }

    /**
     * True when both state the same extension: every field equal, the allowed tenants compared as a
     * set (their order means nothing). Saving such a definition over the other is not a change.
     */
    public boolean sameContentAs(ExtensionDefinition other) {
        return other != null && toBuilder().allowedIn(List.of()).build()
                .equals(other.toBuilder().allowedIn(List.of()).build())
                && new java.util.HashSet<>(allowedIn).equals(new java.util.HashSet<>(other.allowedIn));
    }

    /**
     * This definition with its url as TSB and Istio read it: a url without a scheme means
     * {@code oci://} (spec §2). The service saves that form; the import reports it as a warning.
     */
    public ExtensionDefinition withUrlAsIstioReadsIt() {
        String read = OciReference.withScheme(url);
        return java.util.Objects.equals(read, url) ? this : toBuilder().url(read).build();
    }

    public PullPolicy effectivePullPolicy() {
        return imagePullPolicy.effectiveFor(url);
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder().organization(organization).name(name).displayName(displayName).summary(summary)
                .url(url).source(source).description(description).phase(phase).priority(priority).config(config)
                .imagePullPolicy(imagePullPolicy).imagePullSecret(imagePullSecret).env(env).matchMode(matchMode)
                .allowedIn(allowedIn).meta(meta);
    }

    /** Builds definitions field by field (tests, sample data, mappers). */
    public static final class Builder {
        private String organization;
        private String name;
        private String displayName;
        private String summary;
        private String url;
        private String source;
        private String description;
        private PluginPhase phase;
        private int priority;
        private JsonNode config;
        private PullPolicy imagePullPolicy;
        private String imagePullSecret;
        private List<EnvVar> env;
        private WorkloadMode matchMode;
        private List<String> allowedIn;
        private ObjectMeta meta;

        public Builder organization(String v) { organization = v; return this; }
        public Builder name(String v) { name = v; return this; }
        public Builder displayName(String v) { displayName = v; return this; }
        public Builder summary(String v) { summary = v; return this; }
        public Builder url(String v) { url = v; return this; }
        public Builder source(String v) { source = v; return this; }
        public Builder description(String v) { description = v; return this; }
        public Builder phase(PluginPhase v) { phase = v; return this; }
        public Builder priority(int v) { priority = v; return this; }
        public Builder config(JsonNode v) { config = v; return this; }
        public Builder imagePullPolicy(PullPolicy v) { imagePullPolicy = v; return this; }
        public Builder imagePullSecret(String v) { imagePullSecret = v; return this; }
        public Builder env(List<EnvVar> v) { env = v; return this; }
        public Builder matchMode(WorkloadMode v) { matchMode = v; return this; }
        public Builder allowedIn(List<String> v) { allowedIn = v; return this; }
        public Builder meta(ObjectMeta v) { meta = v; return this; }

        public ExtensionDefinition build() {
            return new ExtensionDefinition(organization, name, displayName, summary, url, source, description, phase,
                    priority, config, imagePullPolicy, imagePullSecret, env, matchMode, allowedIn, meta);
        }
    }
}
