package org.wasmconsole.artifact;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** The last check of one extension's url (table {@code module_check}). */
@Entity
@Table(name = "module_check")
class ModuleRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    @Column(name = "organization_name")
    private String organizationName;
    @Column(name = "extension_name")
    private String extensionName;
    private String url;
    @Enumerated(EnumType.STRING)
    private ModuleStatus status;
    private String digest;
    @Column(name = "first_digest")
    private String firstDigest;
    @Column(name = "tag_moved_at")
    private Instant tagMovedAt;
    @Column(name = "pinned_from")
    private String pinnedFrom;
    @Column(name = "media_type")
    private String mediaType;
    private String layout;
    @Column(name = "artifact_size")
    private Long artifactSize;
    @Column(name = "module_size")
    private Long moduleSize;
    @Column(name = "module_sha256")
    private String moduleSha256;
    @Column(name = "artifact_created")
    private Instant artifactCreated;
    @Column(name = "abi_version")
    private String abiVersion;
    @Column(name = "exports_text")
    private String exportsText;
    @Column(name = "imports_text")
    private String importsText;
    @Column(name = "problems_text")
    private String problemsText;
    @Column(name = "checked_at")
    private Instant checkedAt;
    @Version
    private long version;

    protected ModuleRecord() {
    }

    ModuleRecord(String organizationName, String extensionName) {
        this.organizationName = organizationName;
        this.extensionName = extensionName;
    }

    /** Starts over for another url: nothing of the old url's facts or drift carries over. */
    void resetFor(String newUrl) {
        url = newUrl;
        digest = null;
        firstDigest = null;
        tagMovedAt = null;
        pinnedFrom = null;
        clearFacts();
    }

    private void clearFacts() {
        mediaType = null;
        layout = null;
        artifactSize = null;
        moduleSize = null;
        moduleSha256 = null;
        artifactCreated = null;
        abiVersion = null;
        exportsText = null;
        importsText = null;
    }

    /** A successful fetch: the facts, and drift against the first digest seen for this url. */
    void fetched(Fetched f, WasmInspector.Inspection inspection, Instant now) {
        digest = f.digest();
        if (firstDigest == null) {
            firstDigest = f.digest();
        }
        if (f.digest().equals(firstDigest)) {
            tagMovedAt = null;
        } else if (tagMovedAt == null) {
            tagMovedAt = now;
        }
        mediaType = f.mediaType();
        layout = f.layout();
        artifactSize = f.artifactSize();
        moduleSize = (long) f.module().length;
        moduleSha256 = Digests.sha256(f.module());
        artifactCreated = f.created();
        abiVersion = inspection.abiVersion();
        exportsText = String.join("\n", inspection.exports());
        importsText = String.join("\n", inspection.imports());
        setProblems(inspection.problems());
        status = inspection.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)
                ? ModuleStatus.INVALID : inspection.problems().isEmpty() ? ModuleStatus.OK : ModuleStatus.WARNING;
        checkedAt = now;
    }

    /** A failed fetch: the last facts stay (they were true when checked), the status and problem say what failed. */
    void failed(ModuleStatus newStatus, String problem, Instant now) {
        status = newStatus;
        setProblems(List.of(Problem.error(problem)));
        checkedAt = now;
    }

    /** The user accepts the tag's new digest: it becomes the one drift is measured against. */
    void acceptDigest() {
        firstDigest = digest;
        tagMovedAt = null;
    }

    void pinnedFrom(String tagUrl, String pinnedUrl) {
        url = pinnedUrl;
        pinnedFrom = tagUrl;
        firstDigest = digest;
        tagMovedAt = null;
    }

    private void setProblems(List<Problem> problems) {
        problemsText = String.join("\n", problems.stream()
                .map(p -> p.severity() + "\t" + p.message().replace('\n', ' ')).toList());
    }

    List<Problem> problems() {
        return lines(problemsText).stream().map(l -> {
            int tab = l.indexOf('\t');
            return new Problem(Problem.Severity.valueOf(l.substring(0, tab)), l.substring(tab + 1));
        }).toList();
    }

    static List<String> lines(String text) {
        return text == null || text.isEmpty() ? List.of() : Arrays.asList(text.split("\n"));
    }

    String getOrganizationName() { return organizationName; }
    String getUrl() { return url; }
    ModuleStatus getStatus() { return status; }
    String getDigest() { return digest; }
    String getFirstDigest() { return firstDigest; }
    Instant getTagMovedAt() { return tagMovedAt; }
    String getPinnedFrom() { return pinnedFrom; }
    String getMediaType() { return mediaType; }
    String getLayout() { return layout; }
    Long getArtifactSize() { return artifactSize; }
    Long getModuleSize() { return moduleSize; }
    String getModuleSha256() { return moduleSha256; }
    Instant getArtifactCreated() { return artifactCreated; }
    String getAbiVersion() { return abiVersion; }
    String getExportsText() { return exportsText; }
    String getImportsText() { return importsText; }
    Instant getCheckedAt() { return checkedAt; }
}
