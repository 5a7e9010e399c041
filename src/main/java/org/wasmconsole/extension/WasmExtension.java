package org.wasmconsole.extension;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hibernate.annotations.BatchSize;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.tenant.Organization;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;
import tools.jackson.databind.JsonNode;

/**
 * A stored WasmExtension. Only {@link ExtensionService} changes it, always through
 * {@link #apply}, which also keeps the derived columns (effective pull policy, search text,
 * tenant visibility) and the etag in step with the content.
 */
@Entity
@Table(name = "wasm_extension")
@EntityListeners(TextIndexCommits.Listener.class)
public class WasmExtension {

    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * From a sequence (V18, {@link ExtensionSequenceMigration}), so that the extensions of one flush and their
     * collections are inserted in JDBC batches (an identity column inserts each at once, a round trip apiece).
     */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "wasm_extension_seq")
    @SequenceGenerator(name = "wasm_extension_seq", sequenceName = "wasm_extension_seq",
            allocationSize = ExtensionSequenceMigration.ALLOCATION)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    private Organization organization;

    @Column(name = "organization_name", nullable = false, length = 63)
    private String organizationName;

    @Column(nullable = false, length = 63)
    private String name;

    @Column(name = "display_name", length = 256)
    private String displayName;

    @Column(length = ExtensionValidator.MAX_SUMMARY_LENGTH)
    private String summary;

    @Column(nullable = false, length = ExtensionValidator.MAX_URL_LENGTH)
    private String url;

    @Column(length = ExtensionValidator.MAX_URL_LENGTH)
    private String source;

    @Column(length = ExtensionValidator.MAX_DESCRIPTION_BYTES)
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private PluginPhase phase;

    @Column(nullable = false)
    private int priority;

    @Enumerated(EnumType.STRING)
    @Column(name = "image_pull_policy", nullable = false, length = 32)
    private PullPolicy imagePullPolicy;

    /** Derived from url and imagePullPolicy on every write, so that lists can filter on it. */
    @Enumerated(EnumType.STRING)
    @Column(name = "effective_pull_policy", nullable = false, length = 32)
    private PullPolicy effectivePullPolicy;

    @Column(name = "image_pull_secret", length = 253)
    private String imagePullSecret;

    @Enumerated(EnumType.STRING)
    @Column(name = "match_mode", nullable = false, length = 32)
    private WorkloadMode matchMode;

    /** spec.config as JSON text, key order preserved; null when absent. */
    @Column(name = "config_json", length = 70000)
    private String configJson;

    /** The config schema (JSON Schema 2020-12) as JSON text; null when the extension has none. Not in the TSB document. */
    @Column(name = "config_schema_json", length = 70000)
    private String configSchemaJson;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "extension_env", joinColumns = @JoinColumn(name = "extension_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = ExtensionBatchReads.EXPORT_PAGE_SIZE)
    private List<EnvVar> env = new ArrayList<>();

    @ManyToMany(fetch = FetchType.LAZY)
    @JoinTable(name = "extension_allowed_tenant", joinColumns = @JoinColumn(name = "extension_id"),
            inverseJoinColumns = @JoinColumn(name = "tenant_id"))
    @OrderColumn(name = "position")
    @BatchSize(size = ExtensionBatchReads.EXPORT_PAGE_SIZE)
    private List<Tenant> allowedTenants = new ArrayList<>();

    /** True when allowedIn is empty: available to every tenant (an indexable visibility test). */
    @Column(name = "all_tenants", nullable = false)
    private boolean allTenants;

    /** metadata.labels and metadata.annotations as JSON text; null when there are none. */
    @Column(name = "meta_json", length = 300000)
    private String metaJson;

    /** The labels as "\nkey=value\n" lines for the catalogue's label filter; null when there are none. */
    @Column(name = "label_text", length = 300000)
    private String labelText;

    /** Lower-cased name, display name, url, summary and description for the text filter. */
    @Column(name = "search_text", nullable = false, length = 140000)
    private String searchText;

    @Column(nullable = false, length = 64)
    private String etag;

    /** Guards concurrent writes that passed the etag check at the same moment. */
    @Version
    private long version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by", nullable = false, length = 63)
    private String updatedBy;

    protected WasmExtension() {
    }

    WasmExtension(Organization organization, String name) {
        this.organization = organization;
        this.organizationName = organization.getName();
        this.name = name;
        this.createdAt = now();
    }

    /** Microseconds, as the databases store them, so that what a write returns equals what a read gives. */
    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** Replaces the content with a validated definition; the etag changes. */
    void apply(ExtensionDefinition d, List<Tenant> allowed, String user) {
        displayName = d.displayName();
        summary = d.summary();
        url = d.url();
        source = d.source();
        description = d.description();
        phase = d.phase();
        priority = d.priority();
        imagePullPolicy = d.imagePullPolicy();
        effectivePullPolicy = d.effectivePullPolicy();
        imagePullSecret = d.imagePullSecret();
        matchMode = d.matchMode();
        configJson = ConfigJson.write(d.config());
        env.clear();
        env.addAll(d.env());
        allowedTenants.clear();
        allowedTenants.addAll(allowed);
        allTenants = allowed.isEmpty();
        metaJson = d.meta().toJson();
        labelText = d.meta().labels().isEmpty() ? null : d.meta().labels().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("\n", "\n", "\n"));
        searchText = Stream.of(name, displayName, url, summary, description).filter(Objects::nonNull)
                .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.joining("\n"));
        etag = newEtag();
        updatedAt = now();
        updatedBy = user;
    }

    /**
     * Replaces the config schema (null removes it); the etag changes, as the rules for the config did.
     * The schema and the configs it governs were checked by the service.
     */
    void applyConfigSchema(JsonNode schema, String user) {
        configSchemaJson = ConfigJson.write(schema);
        etag = newEtag();
        updatedAt = now();
        updatedBy = user;
    }

    /** The config schema, or null when the extension has none. */
    public JsonNode getConfigSchema() {
        return ConfigJson.read(configSchemaJson);
    }

    private static String newEtag() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return '"' + HexFormat.of().formatHex(bytes) + '"';
    }

    public ExtensionDefinition toDefinition() {
        return definition(organizationName, name, displayName, summary, url, source, description, phase, priority,
                configJson, imagePullPolicy, imagePullSecret, env, matchMode,
                allowedTenants.stream().map(Tenant::fqn).toList(), metaJson);
    }

    /** The definition of stored columns: the entity's and {@link ExtensionPageRows}' one way to read them. */
    static ExtensionDefinition definition(String organizationName, String name, String displayName, String summary,
                                          String url, String source, String description, PluginPhase phase,
                                          int priority, String configJson, PullPolicy imagePullPolicy,
                                          String imagePullSecret, List<EnvVar> env, WorkloadMode matchMode,
                                          List<String> allowedIn, String metaJson) {
        return new ExtensionDefinition(organizationName, name, displayName, summary, url, source, description, phase,
                priority, ConfigJson.read(configJson), imagePullPolicy, imagePullSecret, env, matchMode, allowedIn,
                ObjectMeta.fromJson(metaJson));
    }

    String getSearchText() {
        return searchText;
    }

    public Long getId() {
        return id;
    }

    public String getOrganizationName() {
        return organizationName;
    }

    public String getName() {
        return name;
    }

    public String getDisplayName() {
        return displayName;
    }

    public String getUrl() {
        return url;
    }

    public PluginPhase getPhase() {
        return phase;
    }

    public int getPriority() {
        return priority;
    }

    public PullPolicy getImagePullPolicy() {
        return imagePullPolicy;
    }

    public PullPolicy getEffectivePullPolicy() {
        return effectivePullPolicy;
    }

    public List<Tenant> getAllowedTenants() {
        return allowedTenants;
    }

    /**
     * The allowed tenants that this viewer may know of: all for an admin, an operator's own for an
     * operator (other tenants' names are not theirs to learn; the extension is available to their
     * tenants either way).
     */
    List<Tenant> allowedTenantsFor(Viewer viewer) {
        return viewer.admin() ? allowedTenants : allowedTenants.stream().filter(t -> mayKnowOf(viewer, t.getId()))
                .toList();
    }

    /** Whether this viewer may learn that an extension is allowed in the tenant (see {@link #allowedTenantsFor}). */
    static boolean mayKnowOf(Viewer viewer, Long tenantId) {
        return viewer.admin() || viewer.tenantIds().contains(tenantId);
    }

    /** {@link #toDefinition()} as this viewer may read it (see {@link #allowedTenantsFor}). */
    ExtensionDefinition toDefinition(Viewer viewer) {
        ExtensionDefinition all = toDefinition();
        return viewer.admin() ? all
                : all.toBuilder().allowedIn(allowedTenantsFor(viewer).stream().map(Tenant::fqn).toList()).build();
    }

    public String getEtag() {
        return etag;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }
}
