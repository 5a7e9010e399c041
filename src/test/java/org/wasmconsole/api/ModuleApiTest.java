package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.wasmconsole.artifact.TestRegistry;
import tools.jackson.databind.JsonNode;

/** GET …/extensions/{name}/module (and refresh), pin and accept, against a real registry. */
class ModuleApiTest extends ApiTestBase {

    TestRegistry registry;
    String digest;

    @Override
    String organization() {
        return "module-api";
    }

    @BeforeAll
    void pushAndCreate() {
        registry = TestRegistry.anonymous();
        digest = registry.pushWasmArtifact("api/filter", "1.0", TestRegistry.module("filter.wasm"));
        asSystem(() -> {
            extensions.create(f.extension("filter-a", List.of(f.tenant("team-a"))).toBuilder()
                    .url(url()).build());
            extensions.create(f.extension("to-pin", List.of()).toBuilder().url(url()).build());
        });
    }

    private String url() {
        return "oci://" + registry.address + "/api/filter:1.0";
    }

    private String module(String name) {
        return f.extensions() + "/" + name + "/module";
    }

    @Test
    void answersUncheckedUntilRefreshedThenTheModulesFacts() {
        JsonNode before = admin.get(module("filter-a")).json();
        assertThat(before.get("status").asString()).isIn("UNCHECKED", "OK");

        ApiClient.Answer refreshed = admin.get(module("filter-a") + "?refresh=true");

        assertThat(refreshed.status()).isEqualTo(200);
        JsonNode body = refreshed.json();
        assertThat(body.get("status").asString()).isEqualTo("OK");
        assertThat(body.get("digest").asString()).isEqualTo(digest);
        assertThat(body.get("mediaType").asString()).isEqualTo("application/vnd.oci.image.manifest.v1+json");
        assertThat(body.get("size").asLong()).isEqualTo(TestRegistry.module("filter.wasm").length);
        assertThat(body.get("abiVersion").asString()).isEqualTo("0.2.1");
        assertThat(body.get("checkedAt").asString()).isNotBlank();
        assertThat(body.get("problems").isArray()).isTrue();
        assertThat(body.get("tagMoved").asBoolean()).isFalse();
        assertThat(admin.get(module("filter-a")).json().get("digest").asString()).isEqualTo(digest);
    }

    @Test
    void answersYamlWhenAsked() {
        ApiClient.Answer yaml = admin.yaml().get(module("filter-a") + "?refresh=true");

        assertThat(yaml.header("Content-Type")).startsWith("application/yaml");
        assertThat(yaml.body()).contains("status: OK").contains("abiVersion: \"0.2.1\"").contains("digest: " + digest);
    }

    @Test
    void operatorsSeeTheModuleOnlyOfExtensionsAvailableToThem() {
        assertThat(opA.get(module("filter-a") + "?refresh=true").status()).isEqualTo(200);
        assertThat(opB.get(module("filter-a")).status()).isEqualTo(404);
        assertThat(opB.get(module("filter-a") + "?refresh=true").status()).isEqualTo(404);
        assertThat(opA.send("POST", module("filter-a") + "/pin", null, null).status()).isEqualTo(403);
    }

    @Test
    void pinRewritesTheUrlAnswersTheNewEtagAndRefusesAStaleOne() {
        String etag = admin.get(f.extensions() + "/to-pin").header("ETag");
        ApiClient.Answer stale = admin.header("If-Match", "\"stale\"").send("POST", module("to-pin") + "/pin", null,
                null);
        assertThat(stale.status()).isEqualTo(409);

        ApiClient.Answer pinned = admin.header("If-Match", etag).send("POST", module("to-pin") + "/pin", null, null);

        assertThat(pinned.status()).as(pinned.toString()).isEqualTo(200);
        assertThat(pinned.header("ETag")).isNotEqualTo(etag);
        assertThat(pinned.json().get("url").asString()).isEqualTo(url() + "@" + digest);
        assertThat(pinned.json().get("pinnedFrom").asString()).isEqualTo(url());
        assertThat(admin.get(f.extensions() + "/to-pin").json().get("spec").get("url").asString())
                .isEqualTo(url() + "@" + digest);
        ApiClient.Answer again = admin.send("POST", module("to-pin") + "/pin", null, null);
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("spec.url").contains("already pinned");
    }

    @Test
    void theListFiltersExtensionsWhoseTagMoved() {
        String first = registry.pushWasmArtifact("api/drift", "1", TestRegistry.module("filter.wasm"));
        asSystem(() -> extensions.create(f.extension("drifting", List.of(f.tenant("team-a"))).toBuilder()
                .url("oci://" + registry.address + "/api/drift:1").build()));
        admin.get(module("drifting") + "?refresh=true");
        assertThat(admin.get(f.extensions() + "?tagMoved=true").json().get("extensions")).isEmpty();

        registry.pushWasmArtifact("api/drift", "1", TestRegistry.module("filter-v2.wasm"));
        JsonNode moved = admin.get(module("drifting") + "?refresh=true").json();

        assertThat(moved.get("tagMoved").asBoolean()).isTrue();
        assertThat(moved.get("tagMovedSince").asString()).isEqualTo(moved.get("checkedAt").asString());
        assertThat(moved.get("firstDigest").asString()).isEqualTo(first);
        JsonNode list = admin.get(f.extensions() + "?tagMoved=true").json().get("extensions");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("metadata").get("name").asString()).isEqualTo("drifting");
        assertThat(opB.get(f.extensions() + "?tagMoved=true").json().get("extensions")).isEmpty();
        assertThat(admin.send("POST", module("drifting") + "/accept", null, null).json().get("tagMoved").asBoolean())
                .isFalse();
    }

    @Test
    void anUnknownExtensionIs404() {
        assertThat(admin.get(module("no-such")).status()).isEqualTo(404);
    }
}
