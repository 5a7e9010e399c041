package org.wasmconsole.artifact;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.wasmconsole.extension.OciReference;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a Wasm module from an OCI registry over the distribution API
 * ({@code /v2/<repository>/manifests/<reference>}, {@code /v2/<repository>/blobs/<digest>}), anonymously
 * or with the registry's credentials from the configuration, answering Basic and Bearer-token
 * challenges as Docker clients do. Both layouts Istio's Wasm image fetcher accepts are read:
 * the Wasm OCI artifact (one layer of {@value #WASM_LAYER}) and the Docker-image-compatible image
 * (the last layer a gzipped tar holding {@code plugin.wasm}). Talking to the registry (its base url,
 * answering its challenge) is {@link RegistrySession}'s.
 */
final class OciRegistryClient {

    static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    static final String OCI_INDEX = "application/vnd.oci.image.index.v1+json";
    static final String DOCKER_MANIFEST = "application/vnd.docker.distribution.manifest.v2+json";
    static final String DOCKER_LIST = "application/vnd.docker.distribution.manifest.list.v2+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String WASM_LAYER = "application/vnd.module.wasm.content.layer.v1+wasm";
    static final String WASM_CONFIG = "application/vnd.module.wasm.config.v1+json";
    private static final String ACCEPT = String.join(", ", OCI_MANIFEST, DOCKER_MANIFEST, OCI_INDEX, DOCKER_LIST);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final SafeHttp http;
    private final ModuleSettings settings;

    OciRegistryClient(SafeHttp http, ModuleSettings settings) {
        this.http = http;
        this.settings = settings;
    }

    Fetched fetch(OciReference ref, Deadline deadline) {
        RegistrySession session = new RegistrySession(http, settings, ref, deadline);
        String reference = ref.digest() != null ? ref.digest() : ref.tag() != null ? ref.tag() : "latest";
        SafeHttp.Response response = session.get("/manifests/" + reference, Map.of("Accept", ACCEPT),
                settings.maxManifestSize().toBytes(), "the manifest of " + ref.repository() + ":" + reference);
        String digest = verifiedDigest(response, ref);
        JsonNode manifest = json(response.body(), "the manifest");
        String mediaType = mediaType(manifest, response);
        JsonNode image = manifest;
        String imageMediaType = mediaType;
        if (mediaType.equals(OCI_INDEX) || mediaType.equals(DOCKER_LIST)) {
            String chosen = platformManifest(manifest);
            SafeHttp.Response inner = session.get("/manifests/" + chosen, Map.of("Accept", ACCEPT),
                    settings.maxManifestSize().toBytes(), "the linux/amd64 manifest of the index");
            image = json(inner.body(), "the index's manifest");
            imageMediaType = mediaType(image, inner);
        }
        List<JsonNode> layers = new ArrayList<>();
        image.path("layers").forEach(layers::add);
        long artifactSize = image.path("config").path("size").asLong(0);
        for (JsonNode layer : layers) {
            artifactSize += layer.path("size").asLong(0);
        }
        byte[] module;
        String layout;
        JsonNode last = layers.isEmpty() ? null : layers.getLast();
        String lastType = last == null ? "" : last.path("mediaType").asString("");
        if (imageMediaType.equals(DOCKER_MANIFEST) ? lastType.equals(DOCKER_LAYER) : lastType.equals(OCI_LAYER)) {
            byte[] layer = blob(session, last, "the image's last layer");
            module = TarEntry.find(layer, "plugin.wasm", settings.maxModuleSize().toBytes(), deadline);
            if (module == null) {
                throw ModuleFetchException.notLoadable("the image's last layer has no file named plugin.wasm: Istio loads a"
                        + " Docker-image-compatible Wasm image only with its module at plugin.wasm");
            }
            layout = Fetched.DOCKER_COMPAT;
        } else if (layers.size() == 1 && lastType.equals(WASM_LAYER)) {
            module = blob(session, last, "the Wasm layer");
            layout = Fetched.OCI_WASM;
        } else {
            throw ModuleFetchException.notLoadable(notAWasmImage(layers));
        }
        Instant created = created(session, image);
        return new Fetched(digest, mediaType, layout, artifactSize, created, module);
    }

    private static String notAWasmImage(List<JsonNode> layers) {
        List<String> types = layers.stream().map(l -> l.path("mediaType").asString("?")).toList();
        return "not a Wasm image Istio can load: its layers are " + (types.isEmpty() ? "none" : types)
                + "; expected one layer of " + WASM_LAYER + " (Wasm OCI artifact) or a last layer of " + OCI_LAYER
                + " / " + DOCKER_LAYER + " holding plugin.wasm (Docker-image-compatible)";
    }

    private byte[] blob(RegistrySession session, JsonNode descriptor, String what) {
        String digest = descriptor.path("digest").asString("");
        long declared = descriptor.path("size").asLong(-1);
        long max = settings.maxModuleSize().toBytes();
        if (declared > max) {
            throw SafeHttp.tooLarge(what, max, declared);
        }
        if (!digest.matches("sha256:[a-f0-9]{64}")) {
            throw new ModuleFetchException(what + " has no sha256 digest in the manifest (" + digest + ")");
        }
        byte[] bytes = session.get("/blobs/" + digest, Map.of(), max, what).body();
        if (!Digests.sha256(bytes).equals(digest)) {
            throw new ModuleFetchException(what + " does not match its digest " + digest
                    + ": the registry answered other bytes than the manifest names");
        }
        return bytes;
    }

    /** The build time: the manifest's annotation, else the config's {@code created}; null when neither says. */
    private Instant created(RegistrySession session, JsonNode image) {
        String annotated = image.path("annotations").path("org.opencontainers.image.created").asString(null);
        if (annotated != null) {
            return instant(annotated);
        }
        JsonNode config = image.path("config");
        String digest = config.path("digest").asString("");
        if (!digest.matches("sha256:[a-f0-9]{64}") || config.path("size").asLong(0) > 65536) {
            return null;
        }
        try {
            byte[] bytes = session.get("/blobs/" + digest, Map.of(), settings.maxManifestSize().toBytes(),
                    "the image config").body();
            return instant(JSON.readTree(bytes).path("created").asString(null));
        } catch (ModuleFetchException | JacksonException e) {
            return null; // the date is a nicety: the module was read
        }
    }

    private static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** What Istio's fetcher takes from an index: the linux/amd64 image, or the only one. */
    private static String platformManifest(JsonNode index) {
        List<JsonNode> manifests = new ArrayList<>();
        index.path("manifests").forEach(manifests::add);
        for (JsonNode m : manifests) {
            JsonNode p = m.path("platform");
            if (p.path("os").asString("").equals("linux") && p.path("architecture").asString("").equals("amd64")) {
                return m.path("digest").asString();
            }
        }
        if (manifests.size() == 1) {
            return manifests.getFirst().path("digest").asString();
        }
        throw new ModuleFetchException("the url names an image index with " + manifests.size()
                + " manifests and none for linux/amd64; name one of them by digest");
    }

    private static String verifiedDigest(SafeHttp.Response response, OciReference ref) {
        String computed = Digests.sha256(response.body());
        String header = response.header("Docker-Content-Digest").orElse(null);
        if (header != null && header.startsWith("sha256:") && !header.equals(computed)) {
            throw new ModuleFetchException("the registry's manifest does not match the digest it announces ("
                    + header + ")");
        }
        if (ref.digest() != null && !ref.digest().equals(computed)) {
            throw new ModuleFetchException("the registry answered a manifest whose digest is " + computed
                    + ", not the " + ref.digest() + " in the url");
        }
        return computed;
    }

    private static String mediaType(JsonNode manifest, SafeHttp.Response response) {
        String type = manifest.path("mediaType").asString(null);
        if (type == null) {
            type = response.header("Content-Type").map(t -> t.split(";")[0].strip()).orElse("");
        }
        if (manifest.path("schemaVersion").asInt(0) != 2 || type.isEmpty()) {
            throw new ModuleFetchException("the registry answered something that is not an image manifest"
                    + " (schemaVersion 2 with a mediaType)");
        }
        return type;
    }

    static JsonNode json(byte[] body, String what) {
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw new ModuleFetchException(what + " is not a JSON object");
            }
            return node;
        } catch (JacksonException e) {
            throw new ModuleFetchException(what + " is not valid JSON");
        }
    }
}
