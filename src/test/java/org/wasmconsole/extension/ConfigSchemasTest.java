package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The config schema rules on their own: the schema checked and bounded, configs checked at their paths. */
class ConfigSchemasTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static final JsonNode RATE_LIMITER = json("""
            {'type': 'object', 'required': ['limit'], 'additionalProperties': false,
             'properties': {
               'limit': {'type': 'integer', 'minimum': 1, 'title': 'Requests per window'},
               'mode': {'enum': ['local', 'global']},
               'routes': {'type': 'array', 'items': {'type': 'object', 'properties': {
                   'timeout': {'type': 'string', 'pattern': '^[0-9]+(ms|s)$'}}}},
               'contact': {'type': 'string', 'format': 'email'}}}""");

    static List<String> paths(List<Violation> violations) {
        return violations.stream().map(Violation::path).toList();
    }

    @Test
    void aGoodConfigPasses() {
        assertThat(ConfigSchemas.checkSchema(RATE_LIMITER, "spec.schema")).isEmpty();
        assertThat(ConfigSchemas.validate(RATE_LIMITER, json("{'limit': 10, 'routes': [{'timeout': '5s'}]}"),
                "spec.config")).isEmpty();
    }

    @Test
    void everyViolationOfAConfigIsReportedAtItsDocumentPathAtOnce() {
        List<Violation> v = ConfigSchemas.validate(RATE_LIMITER, json("""
                {'mode': 'cluster', 'extra': 1, 'contact': 'nope',
                 'routes': [{'timeout': '5s'}, {'timeout': '5s'}, {'timeout': 'soon'}]}"""), "spec.config");
        assertThat(paths(v)).containsExactlyInAnyOrder("spec.config.limit", "spec.config.mode", "spec.config.extra",
                "spec.config.contact", "spec.config.routes[2].timeout");
        assertThat(v).filteredOn(x -> x.path().equals("spec.config.limit")).singleElement()
                .extracting(Violation::message).asString().contains("required").contains("add it");
        assertThat(v).filteredOn(x -> x.path().equals("spec.config.mode")).singleElement()
                .extracting(Violation::message).asString().contains("local").contains("global");
    }

    @Test
    void aWrongTypeSaysWhatToWrite() {
        List<Violation> v = ConfigSchemas.validate(RATE_LIMITER, json("{'limit': 'ten'}"), "spec.extension[0].config");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("spec.extension[0].config.limit");
            assertThat(x.message()).contains("the text 'ten'").contains("whole number");
        });
        assertThat(ConfigSchemas.validate(RATE_LIMITER, json("{'limit': 0}"), "spec.config"))
                .singleElement().extracting(Violation::message).asString().contains("use 1 or more");
    }

    @Test
    void anInvalidSchemaIsRefusedWithThePathOfEachProblem() {
        List<Violation> v = ConfigSchemas.checkSchema(json("""
                {'type': 'object', 'required': 'limit',
                 'properties': {'limit': {'type': 'integr', 'minimum': 'one'}}}"""), "spec.schema");
        assertThat(paths(v)).contains("spec.schema.required", "spec.schema.properties.limit.type",
                "spec.schema.properties.limit.minimum");
    }

    @Test
    void aSchemaMustDescribeAMapping() {
        assertThat(paths(ConfigSchemas.checkSchema(json("{'type': 'array'}"), "spec.schema")))
                .containsExactly("spec.schema.type");
        assertThat(paths(ConfigSchemas.checkSchema(json("[1]"), "spec.schema"))).containsExactly("spec.schema");
    }

    @Test
    void remoteReferencesAndOtherDialectsAreRefused() {
        List<Violation> v = ConfigSchemas.checkSchema(json("""
                {'$schema': 'http://json-schema.org/draft-07/schema#', 'type': 'object',
                 'properties': {'a': {'$ref': 'https://example.com/evil.json'}, 'b': {'$ref': '#/$defs/b'}},
                 '$defs': {'b': {'type': 'string'}}}"""), "spec.schema");
        assertThat(paths(v)).containsExactlyInAnyOrder("spec.schema.$schema", "spec.schema.properties.a.$ref");
        assertThat(v).filteredOn(x -> x.path().endsWith(".$ref")).singleElement().extracting(Violation::message)
                .asString().contains("only references inside it");
    }

    @Test
    void localReferencesWork() {
        JsonNode schema = json("""
                {'type': 'object', 'properties': {'routes': {'type': 'array', 'items': {'$ref': '#/$defs/route'}}},
                 '$defs': {'route': {'type': 'object', 'required': ['path']}}}""");
        assertThat(ConfigSchemas.checkSchema(schema, "spec.schema")).isEmpty();
        assertThat(paths(ConfigSchemas.validate(schema, json("{'routes': [{'path': '/'}, {}]}"), "spec.config")))
                .containsExactly("spec.config.routes[1].path");
    }

    @Test
    void tooDeepOrTooBigSchemasAreRefusedBeforeTheLibrarySeesThem() {
        String deep = "{'type': 'object'}";
        for (int i = 0; i < 40; i++) {
            deep = "{'type': 'object', 'properties': {'a': " + deep + "}}";
        }
        assertThat(ConfigSchemas.checkSchema(json(deep), "spec.schema")).singleElement()
                .extracting(Violation::message).asString().contains("nested more than");
        String big = "{'type': 'object', 'description': '" + "x".repeat(70_000) + "'}";
        assertThat(ConfigSchemas.checkSchema(json(big), "spec.schema")).singleElement()
                .extracting(Violation::message).asString().contains("64 KiB");
    }

    @Test
    void aPatternThatIsNotARegularExpressionIsRefused() {
        assertThat(paths(ConfigSchemas.checkSchema(json("{'type': 'object', 'properties': {'a': {'pattern': '(['}}}"),
                "spec.schema"))).containsExactly("spec.schema.properties.a.pattern");
    }

    /**
     * {@code ^(.*a){20}$} on 40 a's and a b backtracks combinatorially (the JDK's engine defuses the
     * textbook {@code (a+)+$}, not this one): hours of a request thread without the budget. The assertion is on the outcome (a violation that names the pattern); the timeout only
     * keeps a regression from hanging the build.
     */
    @Test
    @Timeout(60)
    void aCatastrophicPatternCannotHangTheServer() {
        JsonNode schema = json("{'type': 'object', 'properties': {'name': {'type': 'string', 'pattern': '^(.*a){20}$'}}}");
        assertThat(ConfigSchemas.checkSchema(schema, "spec.schema")).isEmpty();
        List<Violation> v = ConfigSchemas.validate(schema, json("{'name': '" + "a".repeat(40) + "b'}"), "spec.config");
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("spec.config");
            assertThat(x.message()).contains("takes too long").contains("^(.*a){20}$");
        });
    }
}
