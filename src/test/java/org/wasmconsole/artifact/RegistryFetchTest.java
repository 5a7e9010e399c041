package org.wasmconsole.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

/** Fetching modules from a real OCI registry (Debian's docker-registry, see {@link TestRegistry}). */
class RegistryFetchTest {

    static final ModuleSettings SETTINGS = new ModuleSettings(List.of("127.0.0.1", "localhost"),
            List.of("127.0.0.1", "localhost"),
            List.of(new ModuleSettings.RegistryCredentials("localhost", TestRegistry.USER, TestRegistry.PASSWORD)),
            Duration.ofSeconds(10), DataSize.ofKilobytes(64), DataSize.ofMegabytes(1), Duration.ZERO);

    private final ModuleFetcher fetcher = new ModuleFetcher(SETTINGS);
    private final byte[] filter = TestRegistry.module("filter.wasm");

    @Test
    void readsAWasmOciArtifactAsIstiosOciVariant() {
        TestRegistry registry = TestRegistry.anonymous();
        String digest = registry.pushWasmArtifact("fetch/oci-artifact", "1.0", filter);

        Fetched fetched = fetcher.fetch("oci://" + registry.address + "/fetch/oci-artifact:1.0");

        assertThat(fetched.digest()).isEqualTo(digest);
        assertThat(fetched.layout()).isEqualTo(Fetched.OCI_WASM);
        assertThat(fetched.mediaType()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(fetched.module()).isEqualTo(filter);
        assertThat(fetched.created()).isEqualTo(Instant.parse("2026-11-30T10:15:00Z"));
        assertThat(fetched.artifactSize()).isEqualTo(2 + filter.length);
    }

    @Test
    void readsPluginWasmFromTheLastLayerOfADockerImageAsIstiosCompatVariant() {
        TestRegistry registry = TestRegistry.anonymous();
        String digest = registry.pushDockerImage("fetch/docker-image", "v1", "plugin.wasm", filter);

        Fetched fetched = fetcher.fetch("oci://" + registry.address + "/fetch/docker-image:v1");

        assertThat(fetched.digest()).isEqualTo(digest);
        assertThat(fetched.layout()).isEqualTo(Fetched.DOCKER_COMPAT);
        assertThat(fetched.mediaType()).isEqualTo("application/vnd.docker.distribution.manifest.v2+json");
        assertThat(fetched.module()).isEqualTo(filter);
        assertThat(fetched.created()).isEqualTo(Instant.parse("2026-10-01T08:00:00Z"));
    }

    @Test
    void aDockerImageWithoutPluginWasmIsRefusedAsIstioWould() {
        TestRegistry registry = TestRegistry.anonymous();
        registry.pushDockerImage("fetch/wrong-name", "v1", "filter.wasm", filter);

        assertThatThrownBy(() -> fetcher.fetch("oci://" + registry.address + "/fetch/wrong-name:v1"))
                .hasMessageContaining("no file named plugin.wasm");
    }

    @Test
    void anArtifactThatIsNoWasmImageSaysWhatItsLayersAreAndWhatIsExpected() {
        TestRegistry registry = TestRegistry.anonymous();
        registry.pushOtherArtifact("fetch/not-wasm", "1");

        assertThatThrownBy(() -> fetcher.fetch("oci://" + registry.address + "/fetch/not-wasm:1"))
                .hasMessageStartingWith("not a Wasm image Istio can load: its layers are [application/json]");
    }

    @Test
    void aDigestUrlReadsThatManifestEvenAfterTheTagMoved() {
        TestRegistry registry = TestRegistry.anonymous();
        String first = registry.pushWasmArtifact("fetch/moving", "stable", filter);
        String second = registry.pushWasmArtifact("fetch/moving", "stable", TestRegistry.module("filter-v2.wasm"));

        assertThat(second).isNotEqualTo(first);
        assertThat(fetcher.fetch("oci://" + registry.address + "/fetch/moving:stable").digest()).isEqualTo(second);
        Fetched pinned = fetcher.fetch("oci://" + registry.address + "/fetch/moving:stable@" + first);
        assertThat(pinned.digest()).isEqualTo(first);
        assertThat(pinned.module()).isEqualTo(filter);
    }

    @Test
    void anUnknownTagOrRepositoryIsNamedInTheError() {
        TestRegistry registry = TestRegistry.anonymous();

        assertThatThrownBy(() -> fetcher.fetch("oci://" + registry.address + "/fetch/nothing-here:1.0"))
                .hasMessageContaining("does not have the manifest of fetch/nothing-here:1.0")
                .hasMessageContaining("check the repository and tag");
    }

    @Test
    void aRegistryBehindAuthenticationIsReadWithTheCredentialsConfiguredForIt() {
        TestRegistry registry = TestRegistry.authenticated();
        String digest = registry.pushWasmArtifact("fetch/private", "1.0", filter);

        Fetched fetched = fetcher.fetch("oci://" + registry.address + "/fetch/private:1.0");

        assertThat(fetched.digest()).isEqualTo(digest);
        assertThat(fetched.module()).isEqualTo(filter);
    }

    @Test
    void withoutCredentialsForItARegistryBehindAuthenticationSaysWhereToConfigureThem() {
        TestRegistry registry = TestRegistry.authenticated();
        registry.pushWasmArtifact("fetch/private-2", "1.0", filter);

        assertThatThrownBy(() -> fetcher.fetch("oci://" + registry.withoutConfiguredCredentials()
                + "/fetch/private-2:1.0"))
                .hasMessageContaining("needs credentials")
                .hasMessageContaining("console.modules.registries")
                .hasMessageNotContaining(TestRegistry.PASSWORD);
    }

    @Test
    void wrongCredentialsAreRefusedWithoutShowingThem() {
        TestRegistry registry = TestRegistry.authenticated();
        ModuleSettings wrong = new ModuleSettings(SETTINGS.allowedHosts(), SETTINGS.insecureRegistries(),
                List.of(new ModuleSettings.RegistryCredentials("localhost", TestRegistry.USER, "not-the-password")),
                SETTINGS.timeout(), SETTINGS.maxManifestSize(), SETTINGS.maxModuleSize(), Duration.ZERO);

        assertThatThrownBy(() -> new ModuleFetcher(wrong).fetch("oci://" + registry.address + "/fetch/private:1.0"))
                .hasMessageContaining("refused the configured credentials")
                .hasMessageNotContaining("not-the-password");
    }

    @Test
    void theRegistryOnLoopbackIsRefusedUnlessItsHostIsAllowed() {
        TestRegistry registry = TestRegistry.anonymous();
        ModuleSettings strict = new ModuleSettings(List.of(), SETTINGS.insecureRegistries(), List.of(),
                SETTINGS.timeout(), SETTINGS.maxManifestSize(), SETTINGS.maxModuleSize(), Duration.ZERO);

        assertThatThrownBy(() -> new ModuleFetcher(strict).fetch("oci://" + registry.address + "/fetch/any:1"))
                .hasMessageContaining("a loopback address")
                .hasMessageContaining("console.modules.allowed-hosts");
    }

    @Test
    void aModuleLargerThanTheLimitIsNotDownloaded() {
        TestRegistry registry = TestRegistry.anonymous();
        registry.pushWasmArtifact("fetch/big", "1", new byte[2 * 1024 * 1024]);

        assertThatThrownBy(() -> fetcher.fetch("oci://" + registry.address + "/fetch/big:1"))
                .hasMessageContaining("larger than the console reads")
                .hasMessageContaining("console.modules.max-module-size");
    }
}
