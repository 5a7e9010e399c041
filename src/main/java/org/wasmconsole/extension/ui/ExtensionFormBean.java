package org.wasmconsole.extension.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.tenant.TenantInfo;
import tools.jackson.databind.JsonNode;

/**
 * What the form edits: a mutable mirror of {@link ExtensionDefinition} for the Binder, with the
 * tenants as objects for the multi-select. Blank text means absent, as in a document; other text
 * is kept exactly as typed.
 */
public class ExtensionFormBean {

    private String name = "";
    private String displayName = "";
    private String summary = "";
    private String url = "";
    private String source = "";
    private String description = "";
    private PluginPhase phase = PluginPhase.UNSPECIFIED_PHASE;
    private Integer priority = 0;
    private PullPolicy imagePullPolicy = PullPolicy.UNSPECIFIED_POLICY;
    private String imagePullSecret = "";
    private WorkloadMode matchMode = WorkloadMode.UNDEFINED;
    private JsonNode config;
    private List<EnvVar> env = new ArrayList<>();
    private Set<TenantInfo> allowedTenants = Set.of();
    /** Labels and annotations: not edited in the form, kept as they are (the YAML mode edits them). */
    private ObjectMeta meta = ObjectMeta.EMPTY;

    static ExtensionFormBean of(ExtensionDefinition d, List<TenantInfo> tenants) {
        ExtensionFormBean b = new ExtensionFormBean();
        b.name = text(d.name());
        b.displayName = text(d.displayName());
        b.summary = text(d.summary());
        b.url = text(d.url());
        b.source = text(d.source());
        b.description = text(d.description());
        b.phase = d.phase();
        b.priority = d.priority();
        b.imagePullPolicy = d.imagePullPolicy();
        b.imagePullSecret = text(d.imagePullSecret());
        b.matchMode = d.matchMode();
        b.config = d.config();
        b.env = new ArrayList<>(d.env());
        b.meta = d.meta();
        b.allowedTenants = new java.util.LinkedHashSet<>(tenants.stream()
                .filter(t -> d.allowedIn().contains(t.fqn())).toList());
        return b;
    }

    ExtensionDefinition toDefinition(String organization) {
        return ExtensionDefinition.builder().organization(organization).name(name.strip())
                .displayName(absentIfBlank(displayName)).summary(absentIfBlank(summary)).url(url.strip())
                .source(strippedOrAbsent(source)).description(absentIfBlank(description)).phase(phase)
                .priority(priority == null ? 0 : priority).imagePullPolicy(imagePullPolicy)
                .imagePullSecret(strippedOrAbsent(imagePullSecret)).matchMode(matchMode).config(config).env(env)
                .allowedIn(allowedTenants.stream().map(TenantInfo::fqn).sorted().toList()).meta(meta).build();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    /**
     * Free text exactly as typed (a Markdown description's trailing newline included), so that an
     * untouched field saves what was stored; blank means absent.
     */
    private static String absentIfBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** Values whose rules forbid whitespace anyway (a link, a Secret name): edges stripped. */
    private static String strippedOrAbsent(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String v) { displayName = v; }
    public String getSummary() { return summary; }
    public void setSummary(String v) { summary = v; }
    public String getUrl() { return url; }
    public void setUrl(String v) { url = v; }
    public String getSource() { return source; }
    public void setSource(String v) { source = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public PluginPhase getPhase() { return phase; }
    public void setPhase(PluginPhase v) { phase = v; }
    public Integer getPriority() { return priority; }
    public void setPriority(Integer v) { priority = v; }
    public PullPolicy getImagePullPolicy() { return imagePullPolicy; }
    public void setImagePullPolicy(PullPolicy v) { imagePullPolicy = v; }
    public String getImagePullSecret() { return imagePullSecret; }
    public void setImagePullSecret(String v) { imagePullSecret = v; }
    public WorkloadMode getMatchMode() { return matchMode; }
    public void setMatchMode(WorkloadMode v) { matchMode = v; }
    public JsonNode getConfig() { return config; }
    public void setConfig(JsonNode v) { config = v; }
    public List<EnvVar> getEnv() { return env; }
    public void setEnv(List<EnvVar> v) { env = v; }
    public Set<TenantInfo> getAllowedTenants() { return allowedTenants; }
    public void setAllowedTenants(Set<TenantInfo> v) { allowedTenants = v; }
}
