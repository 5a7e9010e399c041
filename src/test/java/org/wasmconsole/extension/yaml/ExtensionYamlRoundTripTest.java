package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** read(write(x)) == x, and the shape of what is written. */
class ExtensionYamlRoundTripTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * Strings that a careless writer would let come back as numbers, booleans, nulls or other text. No NUL:
     * the reader refuses it in every field (it can never be stored in PostgreSQL; ApiHardeningTest).
     */
    static final List<String> TRICKY = List.of("1.0", "true", "false", "null", "0x10", "0o10", "010", "1e3",
            "1.5e-3", ".inf", "-.inf", ".nan", "~", "yes", "no", "on", "off", "y", "n", "True", "NULL", "", " ",
            "+1", "-0", "1_000", "0b11", "1:20", "2024-01-01", "12", "-5", "<<", "=", "---", "...", "- item",
            "key: value", "a #b", "#hash", "[list]", "{map}", "*alias", "&anchor", "!tag", "%percent", "@at",
            "`tick", "'single'", "\"double\"", " leading", "trailing ", "tab\there", "back\\slash",
            "multi\nline", "multi\nline\n", "multi\nline\n\n", "\nleading newline", "trailing space \nnext",
            "crlf\r\nline", "ünïcödé ✓ 日本語 😀", "\u00e9t\u00e9", "\u2028separator", "\u0085next line",
            "\uFEFFbom", "| pipe", "> gt", "? question");

    private final ExtensionYaml yaml = new ExtensionYaml();

    static ExtensionDefinition minimal() {
        return ExtensionDefinition.builder().organization("tse").name("wasm-min")
                .url("oci://docker.io/example/min:1.0").build();
    }

    static ExtensionDefinition full() {
        ObjectNode config = NODES.objectNode();
        config.put("zeta", "last key first");
        config.put("int", 42).put("negative", -7).put("long", Long.MAX_VALUE).put("double", 0.25)
                .put("tiny", 1.0E-10).put("huge", 1.0E300).put("yes", true).put("no", false).putNull("nothing");
        config.put("bigint", new BigInteger("123456789012345678901234567890"));
        config.putArray("list").add(1).add("two").add(3.5).add(false).addNull().addArray().add("nested");
        config.putObject("nested").putObject("deeper").putArray("empty");
        config.putObject("emptyObject");
        config.put("alpha", "first key last");
        return ExtensionDefinition.builder().organization("tse").name("wasm-full").displayName("Wasm Full")
                .summary("A summary: with a colon").url("oci://docker.io/example/full@sha256:" + "a".repeat(64))
                .source("https://github.com/example/full").description("# Title\n\nSome *Markdown*.\n\n```\ncode\n```\n")
                .phase(PluginPhase.AUTHN).priority(123).config(config).imagePullPolicy(PullPolicy.ALWAYS)
                .imagePullSecret("regcred")
                .env(List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME"),
                        new EnvVar("EMPTY", EnvValueSource.INLINE, ""), EnvVar.inline("NO_VALUE", null)))
                .matchMode(WorkloadMode.CLIENT)
                .allowedIn(List.of("organizations/tse/tenants/t1", "organizations/tse/tenants/t2")).build();
    }

    static Stream<ExtensionDefinition> definitions() {
        ExtensionDefinition full = full();
        return Stream.of(minimal(), full,
                full.toBuilder().priority(Integer.MIN_VALUE).phase(PluginPhase.UNSPECIFIED_PHASE).build(),
                full.toBuilder().priority(Integer.MAX_VALUE).phase(PluginPhase.STATS).build(),
                full.toBuilder().priority(-1).matchMode(WorkloadMode.CLIENT_AND_SERVER)
                        .imagePullPolicy(PullPolicy.IF_NOT_PRESENT).build(),
                minimal().toBuilder().url("https://example.com/wasm/x.wasm").config(NODES.objectNode())
                        .allowedIn(List.of()).env(List.of()).matchMode(WorkloadMode.SERVER).build(),
                minimal().toBuilder().url("file:///opt/plugins/x.wasm").description("one line, no newline").build());
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void readsBackWhatItWrites(ExtensionDefinition definition) {
        String written = ExtensionYaml.write(definition, null);

        ParsedExtension back = yaml.read(written).get(0);

        assertThat(back.definition()).isEqualTo(definition);
        assertThat(back.etag()).isNull();
        assertThat(back.warnings()).isEmpty();
        if (definition.config() != null) {
            assertThat(back.definition().config().toString()).isEqualTo(definition.config().toString());
        }
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void readsBackWhatItWritesWithTheServerManagedFields(ExtensionDefinition definition) {
        String written = ExtensionYaml.write(definition, "\"etag-1\"");

        ParsedExtension back = yaml.read(written).get(0);

        assertThat(back.definition()).isEqualTo(definition);
        assertThat(back.etag()).isEqualTo("\"etag-1\"");
    }

    @Test
    void keepsStringsThatLookLikeOtherTypes() {
        ObjectNode config = NODES.objectNode();
        TRICKY.forEach(s -> config.put("k" + config.size(), s));
        config.putArray("list").addAll(TRICKY.stream().map(NODES::stringNode).toList());
        ObjectNode keys = config.putObject("keys");
        TRICKY.stream().filter(s -> !s.isEmpty()).forEach(s -> keys.put(s, s));
        ExtensionDefinition d = full().toBuilder().config(config)
                .env(TRICKY.stream().map(s -> EnvVar.inline("V" + TRICKY.indexOf(s), s)).toList())
                .allowedIn(TRICKY).build();

        for (String s : TRICKY) {
            ExtensionDefinition text = d.toBuilder().displayName(s).summary(s).description(s).source(s)
                    .imagePullSecret(s).url(s).build();
            String written = ExtensionYaml.write(text, s);

            ParsedExtension back = yaml.read(written).get(0);

            // A url without a scheme is read as oci:// (spec §2), the rest exactly as written.
            assertThat(back.definition()).as("[%s] written as:%n%s", s, written).isEqualTo(text.withUrlAsIstioReadsIt());
            assertThat(back.etag()).as(s).isEqualTo(org.wasmconsole.base.Etags.quoted(s));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-2147483648", "2147483647", "-1"})
    void writesPrioritiesAsNumbers(String priority) {
        String written = ExtensionYaml.write(minimal().toBuilder().priority(Integer.parseInt(priority)).build(), null);

        assertThat(written).contains("\n  priority: " + priority + "\n");
    }

    @Test
    void writesTheDocumentShapeOfTheSpec() {
        String written = ExtensionYaml.write(full().toBuilder().imagePullPolicy(PullPolicy.IF_NOT_PRESENT).build(),
                "abc123");

        assertThat(written).startsWith("---\napiVersion: extension.tsb.tetrate.io/v2\nkind: WasmExtension\n");
        assertThat(written).contains("\n  imagePullPolicy: IfNotPresent\n", "\n  allowedIn:\n", "\n  vmConfig:\n",
                "\n    env:\n", "\n      valueFrom: HOST\n", "\n  match:\n    mode: CLIENT\n",
                "\n  fqn: organizations/tse/extensions/wasm-full\n", "\n  etag: abc123\n",
                "\n  imagePullSecret: regcred\n", "\n  displayName: Wasm Full\n");
        assertThat(written).doesNotContain("image:", "IF_NOT_PRESENT", "image_pull", "resourceVersion");
        assertThat(written.indexOf("fqn:")).isGreaterThan(written.indexOf("match:"));
        // Key order of config is kept as given, not sorted.
        assertThat(written.indexOf("zeta:")).isLessThan(written.indexOf("alpha:"));

        String always = ExtensionYaml.write(full(), null);
        assertThat(always).contains("\n  imagePullPolicy: Always\n").doesNotContain("fqn:", "etag:");
    }

    @Test
    void leavesOutWhatIsUnsetOrDefault() {
        String written = ExtensionYaml.write(minimal(), null);

        assertThat(written).isEqualTo("""
                ---
                apiVersion: extension.tsb.tetrate.io/v2
                kind: WasmExtension
                metadata:
                  organization: tse
                  name: wasm-min
                spec:
                  url: oci://docker.io/example/min:1.0
                  phase: UNSPECIFIED_PHASE
                  priority: 0
                """);
    }

    @Test
    void readsAStreamOfWrittenDocumentsBackInOrder() {
        List<ExtensionDefinition> all = definitions()
                .map(d -> d.toBuilder().name("wasm-" + d.priority() + "-" + d.phase().name().toLowerCase()).build())
                .toList();
        StringWriter out = new StringWriter();
        for (int i = 0; i < all.size(); i++) {
            ExtensionYaml.append(out, new StoredExtension(all.get(i), "\"etag-" + i + "\"", Instant.EPOCH, Instant.EPOCH, "me"));
        }

        List<ParsedExtension> back = yaml.read(out.toString());

        assertThat(back).extracting(ParsedExtension::definition).containsExactlyElementsOf(all);
        assertThat(back).extracting(ParsedExtension::etag)
                .containsExactly("\"etag-0\"", "\"etag-1\"", "\"etag-2\"", "\"etag-3\"", "\"etag-4\"", "\"etag-5\"",
                        "\"etag-6\"");
        assertThat(back).extracting(p -> p.source().number()).containsExactly(1, 2, 3, 4, 5, 6, 7);
        int line = 1;
        for (ParsedExtension p : back) {
            assertThat(p.source().line()).isEqualTo(line + 1);
            line += (int) ExtensionYaml.write(p.definition(), p.etag()).lines().count();
        }
    }

    @Test
    void writesStoredExtensionsWithTheirFqnAndEtag() {
        StoredExtension stored = new StoredExtension(full(), "\"42\"", Instant.EPOCH, Instant.EPOCH, "admin");

        String written = ExtensionYaml.write(stored);

        assertThat(written).isEqualTo(ExtensionYaml.write(full(), "\"42\""));
        assertThat(yaml.read(written).get(0).etag()).isEqualTo("\"42\"");
    }

    @Test
    void theDefaultsAcceptATypicalExport() {
        String one = ExtensionYaml.write(full(), "etag");
        String many = one.repeat(500);

        assertThat(new ExtensionYaml().read(many)).hasSize(500);
    }
}
