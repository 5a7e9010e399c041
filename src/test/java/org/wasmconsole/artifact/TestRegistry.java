package org.wasmconsole.artifact;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;

/**
 * A real OCI registry for the tests (Debian's {@code docker-registry}, the CNCF distribution server),
 * and pushes through its HTTP API. CI ({@code .ci/run}) starts two on loopback and passes them as
 * {@code -Dtest.registry.url} (anonymous) and {@code -Dtest.registry.auth.url} (htpasswd: user
 * {@value #USER}); without them, the tests start their own from the binary on the PATH. When neither
 * works, the tests fail if a registry is required ({@code -Dregistry.required=true} or {@code CI=true})
 * and are skipped otherwise.
 *
 * <p>The anonymous registry is addressed as {@code 127.0.0.1:port}; the authenticated one as
 * {@code localhost:port}, the host for which application-test.properties configures credentials.
 */
public final class TestRegistry {

    public static final String USER = "console-test";
    public static final String PASSWORD = "registry-test-password";

    private static TestRegistry anonymous;
    private static TestRegistry authenticated;

    /** host:port as written in oci:// urls. */
    public final String address;
    private final String authorization;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private TestRegistry(String address, String authorization) {
        this.address = address;
        this.authorization = authorization;
    }

    public static synchronized TestRegistry anonymous() {
        if (anonymous == null) {
            anonymous = open("test.registry.url", false, "127.0.0.1");
        }
        return anonymous;
    }

    /** The registry behind htpasswd authentication, addressed as localhost:port. */
    public static synchronized TestRegistry authenticated() {
        if (authenticated == null) {
            authenticated = open("test.registry.auth.url", true, "localhost");
        }
        return authenticated;
    }

    /** The same authenticated registry under the host that has no credentials configured. */
    public String withoutConfiguredCredentials() {
        return address.replace("localhost", "127.0.0.1");
    }

    private static TestRegistry open(String property, boolean auth, String host) {
        String given = System.getProperty(property, "");
        int port;
        if (!given.isBlank()) {
            port = URI.create(given.strip()).getPort();
        } else {
            port = startOwn(auth);
        }
        String basic = auth ? "Basic " + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8)) : null;
        TestRegistry registry = new TestRegistry(host + ":" + port, basic);
        registry.awaitUp();
        return registry;
    }

    private static boolean required() {
        return Boolean.getBoolean("registry.required") || "true".equals(System.getenv("CI"));
    }

    /** Starts docker-registry from the PATH in a temp dir, stopped when the test JVM ends. */
    private static int startOwn(boolean auth) {
        Path binary = Path.of("/usr/bin/docker-registry");
        if (!Files.isExecutable(binary)) {
            String message = "No OCI registry for the module tests: pass -Dtest.registry.url / -Dtest.registry.auth.url"
                    + " (.ci/run does) or install Debian's docker-registry";
            if (required()) {
                fail(message);
            }
            Assumptions.abort(message);
        }
        try {
            Path dir = Files.createTempDirectory("console-test-registry");
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            StringBuilder config = new StringBuilder("version: 0.1\nlog: {level: error}\nstorage:\n  filesystem:\n"
                    + "    rootdirectory: " + dir.resolve("data") + "\nhttp:\n  addr: 127.0.0.1:" + port + "\n");
            if (auth) {
                Path htpasswd = dir.resolve("htpasswd");
                try (InputStream in = TestRegistry.class.getResourceAsStream("/registry/htpasswd")) {
                    Files.write(htpasswd, in.readAllBytes());
                }
                config.append("auth:\n  htpasswd:\n    realm: console-test\n    path: ").append(htpasswd).append('\n');
            }
            Path file = dir.resolve("config.yml");
            Files.writeString(file, config);
            Process process = new ProcessBuilder(binary.toString(), "serve", file.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
            Runtime.getRuntime().addShutdownHook(new Thread(process::destroy));
            return port;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitUp() {
        for (int i = 0; i < 100; i++) {
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + "/v2/"))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200 || r.statusCode() == 401) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        fail("The test registry at " + address + " does not answer /v2/");
    }

    // ---- pushing through the distribution API ----

    /** Pushes a Wasm OCI artifact (Istio's "oci" variant: one layer of the module); answers its manifest digest. */
    public String pushWasmArtifact(String repository, String tag, byte[] module) {
        String config = "{}";
        String configDigest = pushBlob(repository, config.getBytes(StandardCharsets.UTF_8));
        String layerDigest = pushBlob(repository, module);
        String manifest = """
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "application/vnd.module.wasm.config.v1+json", "digest": "%s", "size": %d},
                 "layers": [{"mediaType": "application/vnd.module.wasm.content.layer.v1+wasm", "digest": "%s",
                             "size": %d, "annotations": {"org.opencontainers.image.title": "plugin.wasm"}}],
                 "annotations": {"org.opencontainers.image.created": "2026-11-30T10:15:00Z"}}
                """.formatted(configDigest, config.length(), layerDigest, module.length);
        return pushManifest(repository, tag, "application/vnd.oci.image.manifest.v1+json", manifest);
    }

    /** Pushes a Docker image whose only layer is a gzipped tar with {@code fileName} (Istio wants plugin.wasm). */
    public String pushDockerImage(String repository, String tag, String fileName, byte[] module) {
        String config = """
                {"architecture": "amd64", "os": "linux", "created": "2026-10-01T08:00:00Z",
                 "config": {}, "rootfs": {"type": "layers", "diff_ids": []}}""";
        String configDigest = pushBlob(repository, config.getBytes(StandardCharsets.UTF_8));
        byte[] layer = tarGz(fileName, module);
        String layerDigest = pushBlob(repository, layer);
        String manifest = """
                {"schemaVersion": 2, "mediaType": "application/vnd.docker.distribution.manifest.v2+json",
                 "config": {"mediaType": "application/vnd.docker.container.image.v1+json", "digest": "%s", "size": %d},
                 "layers": [{"mediaType": "application/vnd.docker.image.rootfs.diff.tar.gzip", "digest": "%s",
                             "size": %d}]}
                """.formatted(configDigest, config.getBytes(StandardCharsets.UTF_8).length, layerDigest, layer.length);
        return pushManifest(repository, tag, "application/vnd.docker.distribution.manifest.v2+json", manifest);
    }

    /** Pushes an OCI artifact that is no Wasm image at all (a JSON document as its only layer). */
    public String pushOtherArtifact(String repository, String tag) {
        byte[] data = "{\"not\": \"wasm\"}".getBytes(StandardCharsets.UTF_8);
        String configDigest = pushBlob(repository, "{}".getBytes(StandardCharsets.UTF_8));
        String layerDigest = pushBlob(repository, data);
        String manifest = """
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": "%s", "size": 2},
                 "layers": [{"mediaType": "application/json", "digest": "%s", "size": %d}]}
                """.formatted(configDigest, layerDigest, data.length);
        return pushManifest(repository, tag, "application/vnd.oci.image.manifest.v1+json", manifest);
    }

    public String pushBlob(String repository, byte[] content) {
        String digest = Digests.sha256(content);
        HttpResponse<String> start = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        expect(start, 202, "start a blob upload");
        String location = start.headers().firstValue("Location").orElseThrow();
        URI upload = uri("/").resolve(location);
        String separator = upload.getQuery() == null ? "?" : "&";
        HttpResponse<String> put = send(HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(content)));
        expect(put, 201, "upload a blob");
        return digest;
    }

    public String pushManifest(String repository, String tag, String mediaType, String manifest) {
        HttpResponse<String> put = send(HttpRequest.newBuilder(uri("/v2/" + repository + "/manifests/" + tag))
                .header("Content-Type", mediaType).PUT(HttpRequest.BodyPublishers.ofString(manifest)));
        expect(put, 201, "push a manifest");
        return put.headers().firstValue("Docker-Content-Digest").orElseThrow();
    }

    public static byte[] module(String name) {
        try (InputStream in = TestRegistry.class.getResourceAsStream("/modules/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://" + address + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            fail("Could not " + what + " on the test registry: HTTP " + response.statusCode() + " " + response.body());
        }
    }

    static byte[] tarGz(String fileName, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            byte[] header = new byte[512];
            byte[] name = fileName.getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(name, 0, header, 0, name.length);
            octal(header, 100, 8, 0644);
            octal(header, 108, 8, 0);
            octal(header, 116, 8, 0);
            octal(header, 124, 12, content.length);
            octal(header, 136, 12, 1_700_000_000L);
            header[156] = '0';
            System.arraycopy("ustar\0".getBytes(StandardCharsets.US_ASCII), 0, header, 257, 6);
            header[263] = '0';
            header[264] = '0';
            java.util.Arrays.fill(header, 148, 156, (byte) ' ');
            long sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            octal(header, 148, 7, sum);
            gz.write(header);
            gz.write(content);
            gz.write(new byte[(512 - content.length % 512) % 512]);
            gz.write(new byte[1024]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void octal(byte[] header, int offset, int length, long value) {
        String text = String.format("%0" + (length - 1) + "o", value);
        System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, header, offset, length - 1);
        header[offset + length - 1] = 0;
    }
}
