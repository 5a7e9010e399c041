package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** OCI references {@code registry/repository[:tag][@sha256:<64 hex>]} as written after oci://. */
class OciReferenceTest {

    private static final String HEX = "0123456789abcdef".repeat(4);
    private static final String DIGEST = "sha256:" + HEX;

    @ParameterizedTest(name = "{0}")
    @CsvSource(nullValues = "-", value = {
            "docker.io/example/auth:1.0,              docker.io,                example/auth,          1.0",
            "docker.io/auth,                          docker.io,                auth,                  -",
            "localhost/auth,                          localhost,                auth,                  -",
            "localhost:5000/auth:dev,                 localhost:5000,           auth,                  dev",
            "registry.example.com:443/a/b/c/auth:v1,  registry.example.com:443, a/b/c/auth,            v1",
            "myregistry:5000/auth,                    myregistry:5000,          auth,                  -",
            "127.0.0.1:5000/auth:latest,              127.0.0.1:5000,           auth,                  latest",
            "Registry.Example.COM/auth,               Registry.Example.COM,     auth,                  -",
            "ghcr.io/my-org/wasm_filters/auth-z:1.0,  ghcr.io,                  my-org/wasm_filters/auth-z, 1.0",
            "ghcr.io/a__b/c.d/e---f,                  ghcr.io,                  a__b/c.d/e---f,        -",
            "ghcr.io/auth:_V1.2-rc_3,                 ghcr.io,                  auth,                  _V1.2-rc_3",
            "[::1]:5000/team/auth:1.0,                [::1]:5000,               team/auth,             1.0",
            "[::1]/auth,                              [::1],                    auth,                  -",
            "[2001:db8::8a2e:370:7334]:443/auth,      [2001:db8::8a2e:370:7334]:443, auth,             -",
    })
    void parsesRegistryRepositoryAndTag(String reference, String registry, String repository, String tag) {
        assertThat(OciReference.parse(reference)).contains(new OciReference(registry, repository, tag, null));
    }

    @Test
    void parsesADigestWithOrWithoutTag() {
        assertThat(OciReference.parse("docker.io/example/auth@" + DIGEST))
                .contains(new OciReference("docker.io", "example/auth", null, DIGEST));
        assertThat(OciReference.parse("localhost:5000/auth:1.0@" + DIGEST))
                .contains(new OciReference("localhost:5000", "auth", "1.0", DIGEST));
    }

    @Test
    void acceptsATagOf128CharactersButNotLonger() {
        assertThat(OciReference.parse("docker.io/auth:" + "t".repeat(128))).isPresent();
        assertThat(OciReference.parse("docker.io/auth:" + "t".repeat(129))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "",
            "auth",
            "auth:1.0",
            "example/auth:1.0",              // no registry: first component has no dot, port or localhost
            "localhostfoo/auth",             // only starts with localhost
            "docker.io",                     // no repository
            "docker.io/",
            "docker.io/Example/auth",        // uppercase repository
            "docker.io/example//auth",
            "docker.io/-auth",
            "docker.io/auth-",
            "docker.io/auth..x",
            "docker.io/auth:",               // empty tag
            "docker.io/auth:-1",             // tag starts with '-'
            "docker.io/auth:.1",             // tag starts with '.'
            "docker.io/auth:1.0:2.0",
            "docker.io/auth:1 0",
            "-docker.io/auth",
            "docker.io:/auth",               // empty port
            "docker.io:123456/auth",         // port too long
            "localhost:0/auth",              // port out of range
            "localhost:65536/auth",
            "docker.io/auth@sha256:abc",     // short digest
            "docker.io/auth@sha512:0123",
            "docker.io/auth@SHA256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
            "docker.io/auth@sha256:0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef",
            "docker.io/auth@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0",
            "oci://docker.io/auth:1.0",      // the scheme is not part of the reference
            "[::1::2]:5000/auth",            // not an IPv6 address
            "[zz::1]/auth",
            "[::1]:0/auth",
            "[::1]5000/auth",
    })
    void refusesInvalidReferences(String reference) {
        assertThat(OciReference.parse(reference)).isEmpty();
    }

    @Test
    void aRepositoryPathOf255CharactersIsTheLongestAccepted() {
        String longest = "a".repeat(100) + "/" + "b".repeat(154);
        assertThat(longest).hasSize(255);
        assertThat(OciReference.parse("docker.io/" + longest + ":1.0")).isPresent();
        assertThat(OciReference.parse("docker.io/" + longest + "b:1.0")).isEmpty();
    }

    @Test
    void aUrlWithoutSchemeIsReadAsOci() {
        assertThat(OciReference.withScheme("docker.io/example/auth:1.0")).isEqualTo("oci://docker.io/example/auth:1.0");
        assertThat(OciReference.withScheme("[::1]:5000/auth")).isEqualTo("oci://[::1]:5000/auth");
        assertThat(OciReference.withScheme("https://example.com/a.wasm")).isEqualTo("https://example.com/a.wasm");
        assertThat(OciReference.withScheme("ftp://example.com/a.wasm")).isEqualTo("ftp://example.com/a.wasm");
        assertThat(OciReference.withScheme("")).isEmpty();
        assertThat(OciReference.withScheme(null)).isNull();
    }

    @Test
    void acceptsTheHighestPort() {
        assertThat(OciReference.parse("localhost:65535/auth")).map(OciReference::registry).contains("localhost:65535");
    }

    @Test
    void fromUrlParsesOnlyOciUrls() {
        assertThat(OciReference.fromUrl("oci://docker.io/example/auth:1.0"))
                .contains(new OciReference("docker.io", "example/auth", "1.0", null));
        assertThat(OciReference.fromUrl("https://docker.io/example/auth:1.0")).isEmpty();
        assertThat(OciReference.fromUrl("docker.io/example/auth:1.0")).isEmpty();
        assertThat(OciReference.fromUrl("OCI://docker.io/example/auth:1.0")).isEmpty();
        assertThat(OciReference.fromUrl("oci://")).isEmpty();
        assertThat(OciReference.fromUrl("oci://example/auth")).isEmpty();
        assertThat(OciReference.fromUrl(null)).isEmpty();
    }

    @Test
    void shortFormKeepsRegistryRepositoryAndTag() {
        assertThat(new OciReference("docker.io", "example/auth", "1.0", null).shortForm())
                .isEqualTo("docker.io/example/auth:1.0");
        assertThat(new OciReference("localhost:5000", "auth", null, null).shortForm()).isEqualTo("localhost:5000/auth");
    }

    @Test
    void shortFormShortensTheDigestToTwelveHexDigits() {
        assertThat(new OciReference("docker.io", "example/auth", null, DIGEST).shortForm())
                .isEqualTo("docker.io/example/auth@sha256:0123456789ab…");
        assertThat(OciReference.parse("ghcr.io/auth:1.0@" + DIGEST).orElseThrow().shortForm())
                .isEqualTo("ghcr.io/auth:1.0@sha256:0123456789ab…");
    }
}
