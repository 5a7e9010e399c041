package org.wasmconsole.base;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The block writer must write exactly what Jackson writes (issue #23: it replaces Jackson for speed, not for a
 * different text), and must handle the documents the console writes most, or it buys nothing.
 */
class BlockYamlWriterTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YamlQuoting QUOTING = new YamlQuoting();
    /** Texts each of which some rule of the emitter or the quoting checker treats apart. */
    private static final List<String> SPECIAL = List.of("yes", "No", "null", "Null", "~", "true", "FALSE", "on",
            "1e3", "0x10", ".inf", "-.Inf", ".NaN", "1_000", "1:20", "2024-01-01", "+1", "-1", "1.5", ".", "-", "+",
            "---", "...", "--- a", "...a", "<<", "=", "- a", "-a", "a: b", "a:b", "a:", ":a", ": a", "?a", "? a",
            "a #b", "a#b", "#a", "a #", "[a]", "{a}", "a,b", "&a", "*a", "!a", "|a", ">a", "'a", "\"a", "%a",
            "@a", "`a", "a'b", "a\"b", "a\\b", "a b", " a", "a ", "a  b", "oci://reg.example.com/x:1.0", "https://a/b#c",
            "a\nb", "a\nb\n", "a\n\nb", "a\n\n", "\na", " a\nb", "a \nb", "a\n b", "a\nb ", "a\tb", "é", "a\u0085b",
            "\u2028", "a\r\nb", "# Title\n\nSome *text* with `code`.\n- item: one\n- item #2", "0", "007", "1.",
            "0o17", "+.5", "1e", "e3", "true ", " true", "Y", "n", "off");

    @Test
    void writesWhatJacksonWritesForGeneratedTrees() {
        Random random = new Random(23);
        int handled = 0;
        int trees = 20_000;
        for (int i = 0; i < trees; i++) {
            ObjectNode tree = object(random, 0);
            String fast = BlockYamlWriter.write(tree, QUOTING);
            if (fast != null) {
                handled++;
                assertThat(fast).as("tree %d: %s", i, tree).isEqualTo(YamlText.jackson(tree));
            }
        }
        // Trees are generated with awkward texts on purpose, so many go to Jackson; enough must not.
        assertThat(handled).as("trees the block writer handled").isGreaterThan(trees / 5);
    }

    @Test
    void writesEachSpecialTextAsJacksonDoesAsKeyValueAndListItem() {
        int handled = 0;
        for (String text : SPECIAL) {
            ObjectNode asValue = NODES.objectNode().put("k", text);
            ObjectNode asKey = NODES.objectNode().put(text, "v");
            ObjectNode asItem = NODES.objectNode();
            asItem.putArray("list").add(text).addObject().put("name", text).put(text, text);
            for (ObjectNode tree : List.of(asValue, asKey, asItem)) {
                String fast = BlockYamlWriter.write(tree, QUOTING);
                if (fast != null) {
                    handled++;
                    assertThat(fast).as("%s", tree).isEqualTo(YamlText.jackson(tree));
                }
            }
        }
        assertThat(handled).isGreaterThan(SPECIAL.size());
    }

    @Test
    void handlesAnExtensionDocumentWithAMarkdownDescriptionAndNestedConfig() {
        ObjectNode doc = NODES.objectNode();
        doc.put("apiVersion", "extension.tsb.tetrate.io/v2").put("kind", "WasmExtension");
        doc.putObject("metadata").put("organization", "tetrate").put("name", "rate-limit-07")
                .put("description", "Rate limits: 10 per second");
        ObjectNode spec = doc.putObject("spec");
        spec.put("displayName", "Rate limit #7");
        spec.putArray("allowedIn").add("organizations/tetrate/tenants/team-03").add("organizations/tetrate/tenants/x");
        spec.put("url", "oci://registry.example.com/wasm/rate-limit@sha256:" + "ab".repeat(32));
        spec.put("description", "# Rate limit\n\nLimits requests per *client*:\n\n- `burst`: 10\n  - nested\n"
                + "Ends here.\n");
        spec.put("phase", "AUTHZ").put("priority", -5).put("imagePullPolicy", "IfNotPresent");
        ObjectNode config = spec.putObject("config");
        config.put("enabled", true).put("limit", 100L).put("header", "x-api-key").putNull("fallback")
                .put("big", new BigInteger("123456789012345678901234567890"));
        ArrayNode routes = config.putArray("routes");
        routes.addObject().put("path", "/api/*").put("methods", "GET, POST").putArray("hosts").add("a.example.com");
        routes.addObject().put("path", "/health").putObject("headers").put("x-check", "1");
        ArrayNode env = spec.putObject("vmConfig").putArray("env");
        env.addObject().put("name", "HOST").put("valueFrom", "HOST");
        env.addObject().put("name", "LEVEL").put("valueFrom", "INLINE").put("value", "debug");
        spec.putObject("match").put("mode", "CLIENT");
        spec.put("fqn", "organizations/tetrate/extensions/rate-limit-07").put("etag", "\"a1b2c3\"");

        String fast = BlockYamlWriter.write(doc, QUOTING);

        assertThat(fast).isNotNull().isEqualTo(YamlText.jackson(doc));
        assertThat(YamlText.write(doc)).isEqualTo(fast);
    }

    @Test
    void plainNumberIsJacksonsPattern() {
        Pattern jackson = Pattern.compile("[+-]?[0-9]*(\\.[0-9]*)?");
        Random random = new Random(5);
        for (int i = 0; i < 50_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(0, 6);
            for (int k = 0; k < length; k++) {
                text.append("+-.0123456789ae ".charAt(random.nextInt(16)));
            }
            assertThat(BlockYamlWriter.plainNumber(text.toString())).as("'%s'", text)
                    .isEqualTo(jackson.matcher(text).matches());
        }
    }

    /** A sentence's space before a break: no literal block can keep it, so the emitter double-quotes the text. */
    @Test
    void handlesTextWithASpaceBeforeABreakOrLeadingBreaksAsJacksonDoes() {
        for (String text : List.of("## Authz cache\n\nThe filter inspects. It keeps state. \n\n- owner: team-03",
                "\nstarts with a break", "  indented first line\nsecond", "ends with a space \nand more \n")) {
            ObjectNode doc = NODES.objectNode();
            doc.putObject("spec").put("description", text).putObject("config").put("k", "v");
            String fast = BlockYamlWriter.write(doc, QUOTING);
            assertThat(fast).as(text).isNotNull().isEqualTo(YamlText.jackson(doc));
        }
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        int size = random.nextInt(depth == 0 ? 1 : 0, 5);
        for (int i = 0; i < size; i++) {
            node.set(text(random, false), value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 7 : 10);
        return switch (kind) {
            case 0, 1, 2 -> NODES.stringNode(text(random, true));
            case 3 -> NODES.numberNode(random.nextInt(-1000, 1000));
            case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 5 -> random.nextBoolean() ? NODES.numberNode(random.nextLong())
                    : NODES.numberNode(random.nextDouble() * 100);
            case 6 -> NODES.stringNode(SPECIAL.get(random.nextInt(SPECIAL.size())));
            case 7, 8 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                int size = random.nextInt(0, 4);
                for (int i = 0; i < size; i++) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private static final String PLAIN = "abcdefghijklmnopqrstuvwxyzABCXYZ0123456789";
    private static final String AWKWARD = " -:#?,[]{}&*!|>'\"%@`.~+=/\\_\n\n\n\té\u0085";

    private static String text(Random random, boolean multiLine) {
        if (random.nextInt(8) == 0) {
            return SPECIAL.get(random.nextInt(SPECIAL.size()));
        }
        int length = random.nextInt(0, multiLine ? 40 : 12);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            String from = random.nextInt(4) == 0 ? AWKWARD : PLAIN;
            char c = from.charAt(random.nextInt(from.length()));
            if (c == '\n' && !multiLine) {
                c = ' ';
            }
            text.append(c);
        }
        return text.toString();
    }
}
