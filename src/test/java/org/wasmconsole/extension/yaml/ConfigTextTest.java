package org.wasmconsole.extension.yaml;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** The config field of the form: YAML text to a tree and back. */
class ConfigTextTest {

    @Test
    void emptyTextIsNoConfig() {
        for (String text : new String[] {null, "", "  \n", "# just a comment\n", "---\n"}) {
            ConfigText.Parsed p = ConfigText.parse(text);
            assertThat(p.ok()).as("[%s]", text).isTrue();
            assertThat(p.value()).as("[%s]", text).isNull();
        }
    }

    @Test
    void parsesYamlAndJson() {
        assertThat(ConfigText.parse("header: x-tenant\nlimits: {max: 3}\n").value().toString())
                .isEqualTo("{\"header\":\"x-tenant\",\"limits\":{\"max\":3}}");
        assertThat(ConfigText.parse("{\"header\": \"x-tenant\", \"on\": true}").value().toString())
                .isEqualTo("{\"header\":\"x-tenant\",\"on\":true}");
    }

    @Test
    void errorsNameTheirLineInWords() {
        ConfigText.Parsed tab = ConfigText.parse("a:\n\tb: 1\n");
        assertThat(tab).extracting(ConfigText.Parsed::line, ConfigText.Parsed::column).containsExactly(2, 1);
        assertThat(tab.error()).contains("tab").doesNotContain("while scanning");

        ConfigText.Parsed inf = ConfigText.parse("a: 1\nb: .inf\n");
        assertThat(inf.line()).isEqualTo(2);
        assertThat(inf.error()).startsWith("b: ").doesNotContain("java", "Exception");

        ConfigText.Parsed twice = ConfigText.parse("a: 1\na: 2\n");
        assertThat(twice.line()).isEqualTo(2);
        assertThat(twice.error()).contains("appears twice");

        ConfigText.Parsed documents = ConfigText.parse("a: 1\n---\nb: 2\n");
        assertThat(documents.line()).isEqualTo(3);
        assertThat(documents.error()).isEqualTo("holds 2 documents; a config is one mapping");
    }

    @Test
    void formattedConfigParsesBackTheSame() {
        ObjectNode config = JsonNodeFactory.instance.objectNode();
        ExtensionYamlRoundTripTest.TRICKY.forEach(s -> config.put("k" + config.size(), s));
        config.put("number", 1.5).put("flag", true).putNull("none");
        config.putArray("list").add(1).add("0x10").addObject().put("1e3", "1e3");

        String text = ConfigText.format(config);

        assertThat(text).doesNotStartWith("---");
        assertThat(ConfigText.parse(text).value()).as(text).isEqualTo(config);
        assertThat(ConfigText.format(null)).isEmpty();
    }
}
