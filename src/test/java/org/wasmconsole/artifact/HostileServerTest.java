package org.wasmconsole.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/**
 * Registries and servers that misbehave, played by a tiny in-test HTTP server: every case ends in a
 * clear error within the check's time budget, never a hang. Also the bearer-token challenge (which
 * docker-registry's htpasswd mode does not use) and credentials kept from a redirect target.
 */
class HostileServerTest {

    private HttpServer server;
    private String address;
    private final CountDownLatch release = new CountDownLatch(1);
    private final Map<String, String> seenAuthorization = new ConcurrentHashMap<>();
    private ModuleFetcher fetcher;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
        address = "127.0.0.1:" + server.getAddress().getPort();
        // Only this server's host:port is allowed: other loopback ports and link-local addresses stay refused.
        fetcher = new ModuleFetcher(new ModuleSettings(List.of(address), List.of(address),
                List.of(new ModuleSettings.RegistryCredentials(address, "robot", "s3cret-token")),
                Duration.ofSeconds(2), DataSize.ofKilobytes(64), DataSize.ofKilobytes(256), Duration.ZERO));
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void aManifestThatDeclaresItselfTooLargeIsNotRead() {
        server.createContext("/v2/huge/manifests/1", e -> answer(e, 200, new byte[200 * 1024]));

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/huge:1"))
                .hasMessageContaining("larger than the console reads (204800 bytes, limit 65536 bytes)");
    }

    @Test
    void aManifestStreamedWithoutLengthIsCutOffAtTheLimit() {
        server.createContext("/v2/endless/manifests/1", e -> {
            e.sendResponseHeaders(200, 0); // chunked: the size shows only while reading
            try (OutputStream out = e.getResponseBody()) {
                for (int i = 0; i < 1000; i++) {
                    out.write(new byte[1024]);
                }
            } catch (IOException closedByTheConsole) {
                // expected: the console stops reading past its limit
            }
        });

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/endless:1"))
                .hasMessageContaining("larger than the console reads (limit 65536 bytes)");
    }

    @Test
    void aServerThatNeverAnswersIsAbandonedAtTheTimeout() {
        server.createContext("/v2/slow/manifests/1", e -> {
            await();
            answer(e, 200, "{}".getBytes(StandardCharsets.UTF_8));
        });

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/slow:1"))
                .isInstanceOf(ModuleFetchException.class)
                .hasMessageContaining("no complete answer within 2 s (console.modules.timeout)");
    }

    @Test
    void aServerThatSendsHeadersThenStallsIsAbandonedAtTheTimeout() {
        server.createContext("/v2/trickle/manifests/1", e -> {
            e.sendResponseHeaders(200, 100);
            e.getResponseBody().write('{');
            e.getResponseBody().flush();
            await();
        });

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/trickle:1"))
                .hasMessageContaining("no complete answer within 2 s");
    }

    @Test
    void aRedirectToAMetadataAddressIsRefusedBeforeAnyConnection() {
        server.createContext("/v2/sneaky/manifests/1", e -> redirect(e, "http://169.254.169.254/latest/meta-data/"));

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/sneaky:1"))
                .hasMessageContaining("refused to fetch from 169.254.169.254:80")
                .hasMessageContaining("link-local");
    }

    @Test
    void aRedirectToAnotherLoopbackPortIsRefusedThoughThisPortIsAllowed() {
        server.createContext("/v2/sneaky/manifests/2", e -> redirect(e, "http://127.0.0.1:1/admin"));

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/sneaky:2"))
                .hasMessageContaining("refused to fetch from 127.0.0.1:1")
                .hasMessageContaining("loopback");
    }

    @Test
    void endlessRedirectsEnd() {
        server.createContext("/v2/loop/manifests/1", e -> redirect(e, "/v2/loop/manifests/1"));

        assertThatThrownBy(() -> fetcher.fetch("oci://" + address + "/loop:1"))
                .hasMessageContaining("more than 5 redirects");
    }

    @Test
    void aBearerChallengeIsAnsweredWithATokenFetchedWithTheConfiguredCredentials() {
        byte[] module = TestRegistry.module("filter.wasm");
        String layer = Digests.sha256(module);
        String manifest = """
                {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                 "config": {"mediaType": "application/vnd.module.wasm.config.v1+json",
                            "digest": "sha256:44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a", "size": 2},
                 "layers": [{"mediaType": "application/vnd.module.wasm.content.layer.v1+wasm", "digest": "%s",
                             "size": %d}]}""".formatted(layer, module.length);
        server.createContext("/token", e -> {
            String expected = "Basic " + Base64.getEncoder().encodeToString("robot:s3cret-token".getBytes());
            boolean ok = expected.equals(e.getRequestHeaders().getFirst("Authorization"))
                    && e.getRequestURI().getQuery().contains("scope=repository:team/filter:pull");
            answer(e, ok ? 200 : 401, ok ? "{\"token\": \"abc123\"}".getBytes() : new byte[0]);
        });
        server.createContext("/v2/team/filter/", e -> {
            if (!"Bearer abc123".equals(e.getRequestHeaders().getFirst("Authorization"))) {
                e.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"http://" + address
                        + "/token\",service=\"test-registry\",scope=\"repository:team/filter:pull\"");
                answer(e, 401, new byte[0]);
            } else if (e.getRequestURI().getPath().endsWith("/manifests/1.0")) {
                answer(e, 200, manifest.getBytes(StandardCharsets.UTF_8));
            } else if (e.getRequestURI().getPath().endsWith("/blobs/" + layer)) {
                redirect(e, "http://localhost:" + server.getAddress().getPort() + "/storage/" + layer);
            } else {
                answer(e, 404, new byte[0]);
            }
        });
        server.createContext("/storage/", e -> {
            seenAuthorization.put("storage", String.valueOf(e.getRequestHeaders().getFirst("Authorization")));
            answer(e, 200, module);
        });
        ModuleFetcher withStorage = new ModuleFetcher(new ModuleSettings(
                List.of(address, "localhost:" + server.getAddress().getPort()), List.of(address),
                List.of(new ModuleSettings.RegistryCredentials(address, "robot", "s3cret-token")),
                Duration.ofSeconds(2), DataSize.ofKilobytes(64), DataSize.ofKilobytes(256), Duration.ZERO));

        Fetched fetched = withStorage.fetch("oci://" + address + "/team/filter:1.0");

        assertThat(fetched.module()).isEqualTo(module);
        assertThat(fetched.layout()).isEqualTo(Fetched.OCI_WASM);
        // The registry's token went to the registry only, not to the storage it redirected the blob to.
        assertThat(seenAuthorization).containsEntry("storage", "null");
    }

    @Test
    void anHttpUrlIsDownloadedAndHashed() {
        byte[] module = TestRegistry.module("filter.wasm");
        server.createContext("/filters/filter.wasm", e -> answer(e, 200, module));

        Fetched fetched = fetcher.fetch("http://" + address + "/filters/filter.wasm");

        assertThat(fetched.digest()).isEqualTo(Digests.sha256(module));
        assertThat(fetched.layout()).isEqualTo(Fetched.HTTP);
        assertThat(fetched.module()).isEqualTo(module);
    }

    @Test
    void anHttpUrlThatAnswersAnErrorSaysSo() {
        assertThatThrownBy(() -> fetcher.fetch("http://" + address + "/missing.wasm"))
                .hasMessageContaining("answered HTTP 404 for the module");
    }

    @Test
    void nothingListeningIsACleanError() {
        ModuleFetcher closed = new ModuleFetcher(new ModuleSettings(List.of("127.0.0.1"), List.of("127.0.0.1"),
                List.of(), Duration.ofSeconds(2), DataSize.ofKilobytes(64), DataSize.ofKilobytes(64), Duration.ZERO));

        assertThatThrownBy(() -> closed.fetch("oci://127.0.0.1:1/nothing:1"))
                .hasMessageContaining("could not connect to 127.0.0.1:1");
    }

    private void await() {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void redirect(HttpExchange e, String location) throws IOException {
        e.getResponseHeaders().add("Location", location);
        e.sendResponseHeaders(302, -1);
        e.close();
    }

    private static void answer(HttpExchange e, int status, byte[] body) throws IOException {
        e.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = e.getResponseBody()) {
                out.write(body);
            }
        }
        e.close();
    }
}
