package org.wasmconsole.artifact;

import java.time.Instant;
import java.util.List;

/**
 * What the console knows about the module behind an extension's url, for the details page and the API.
 *
 * @param digest       the manifest digest (OCI) or the download's sha256 (http), as last seen
 * @param firstDigest  the digest first seen for this url; a different {@code digest} means the tag moved
 * @param tagMovedAt   when a check first saw the tag point elsewhere; null while it has not moved
 * @param pinnedFrom   the tag url this digest url was pinned from, when pinned by the console
 * @param size         the module's size in bytes
 * @param artifactSize the artifact's size: manifest config and layers (OCI), the download (http)
 * @param created      when the artifact says it was built (OCI annotation or config), or Last-Modified (http)
 */
public record ModuleReport(String url, ModuleStatus status, String digest, String firstDigest, Instant tagMovedAt,
                           String pinnedFrom, String mediaType, String layout, Long size, Long artifactSize,
                           String moduleSha256, Instant created, String abiVersion, List<String> exports,
                           List<String> imports, List<Problem> problems, Instant checkedAt, boolean pinnable) {

    /** True when the tag now names another module than when first checked. */
    public boolean tagMoved() {
        return tagMovedAt != null;
    }

    static ModuleReport of(String url, ModuleRecord r) {
        boolean pinnable = Pinning.pinnable(url);
        if (url.startsWith("file://")) {
            return empty(url, ModuleStatus.UNCHECKABLE, List.of(Problem.warning("a file:// url names a file on each"
                    + " proxy: the console cannot see it, nor check it")), false);
        }
        if (r == null || !url.equals(r.getUrl())) {
            return empty(url, ModuleStatus.UNCHECKED, List.of(), pinnable);
        }
        return new ModuleReport(url, r.getStatus(), r.getDigest(), r.getFirstDigest(), r.getTagMovedAt(),
                r.getPinnedFrom(), r.getMediaType(), r.getLayout(), r.getModuleSize(), r.getArtifactSize(),
                r.getModuleSha256(), r.getArtifactCreated(), r.getAbiVersion(), ModuleRecord.lines(r.getExportsText()),
                ModuleRecord.lines(r.getImportsText()), r.problems(), r.getCheckedAt(), pinnable);
    }

    private static ModuleReport empty(String url, ModuleStatus status, List<Problem> problems, boolean pinnable) {
        return new ModuleReport(url, status, null, null, null, null, null, null, null, null, null, null, null,
                List.of(), List.of(), problems, null, pinnable);
    }
}
