package org.wasmconsole.extension;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.ValidationLimitExceededException;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An extension's config schema (JSON Schema draft 2020-12, checked by networknt's
 * json-schema-validator): the schema itself checked before it is stored, and configs checked
 * against it, each violation at its document path ({@code spec.config.routes[2].timeout}) with a
 * message that says how to fix it. Pure and thread-safe; the one place for these rules, used by the
 * extension service, the attachment service and the forms.
 */
public final class ConfigSchemas {

    /** A long config against a large schema stays far below this; a hostile pair stops here. */
    private static final long MAX_EVALUATION_STEPS = 200_000;
    private static final int MAX_EVALUATION_DEPTH = 64;
    private static final int CACHED = 64;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * Only the meta-schemas that ship inside the library are ever loaded: nothing is fetched over the
     * network (the bounds already refuse remote references; this is the second lock).
     */
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12, b -> b
                    .schemaRegistryConfig(SchemaRegistryConfig.builder()
                            .formatAssertionsEnabled(true)
                            .regularExpressionFactory(BoundedRegexFactory.INSTANCE)
                            .build())
                    .schemaLoader(l -> l.fetchRemoteResources(false)
                            .block(iri -> !iri.toString().startsWith("https://json-schema.org/draft/2020-12/"))));

    private static final Schema META_SCHEMA = REGISTRY.getSchema(SchemaLocation.of(ConfigSchemaBounds.DIALECT));

    /** Compiled schemas by their JSON text: a form checks on every key stroke. */
    private static final Map<String, Schema> COMPILED = Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Schema> eldest) {
                    return size() > CACHED;
                }
            });

    private ConfigSchemas() {
    }

    /**
     * Every problem of the schema itself, at paths under {@code path} (e.g. {@code spec.schema.properties.limit.type}):
     * the console's bounds, then the 2020-12 meta-schema, then whether the library can compile it.
     */
    public static List<Violation> checkSchema(JsonNode schema, String path) {
        List<Violation> v = new ArrayList<>();
        if (!ConfigSchemaBounds.check(schema, path, v)) {
            return v;
        }
        Set<String> seen = new LinkedHashSet<>(v.stream().map(Violation::path).toList());
        for (Error e : META_SCHEMA.validate(schema, c -> c.executionConfig(x -> x
                .maxEvaluationSteps(MAX_EVALUATION_STEPS).maxEvaluationDepth(MAX_EVALUATION_DEPTH)))) {
            String at = documentPath(path, e.getInstanceLocation(), null);
            // The meta-schema's anyOf reports every branch; the first says it best.
            if (seen.add(at)) {
                v.add(new Violation(at, ConfigSchemaMessages.forSchema(e)));
            }
        }
        if (v.isEmpty()) {
            try {
                compiled(schema);
            } catch (RuntimeException e) {
                v.add(new Violation(path, "cannot be used: " + e.getMessage()));
            }
        }
        return v;
    }

    /**
     * Every way the config breaks the schema, at paths under {@code path} (the config's own path,
     * e.g. {@code spec.extension[0].config}). The schema must have passed {@link #checkSchema}.
     */
    public static List<Violation> validate(JsonNode schema, JsonNode config, String path) {
        if (schema == null || config == null || config.isNull()) {
            return List.of();
        }
        List<Violation> v = new ArrayList<>();
        try {
            List<Error> errors = compiled(schema).validate(config, c -> c.executionConfig(x -> x
                    .formatAssertionsEnabled(true)
                    .maxEvaluationSteps(MAX_EVALUATION_STEPS).maxEvaluationDepth(MAX_EVALUATION_DEPTH)));
            for (Error e : errors) {
                v.add(new Violation(documentPath(path, e.getInstanceLocation(), e.getProperty()),
                        ConfigSchemaMessages.forConfig(e)));
            }
        } catch (BoundedRegexFactory.PatternTimeout e) {
            v.add(new Violation(path, "could not be checked: the schema's pattern " + e.pattern + " takes too long"
                    + " on this value; ask the extension's admin to simplify the pattern"));
        } catch (ValidationLimitExceededException e) {
            v.add(new Violation(path, "could not be checked: checking it against the schema takes more than "
                    + MAX_EVALUATION_STEPS + " steps; simplify the config or the schema"));
        } catch (SchemaException e) {
            v.add(new Violation(path, "could not be checked: the extension's config schema is broken ("
                    + e.getMessage() + "); fix the schema"));
        }
        return v;
    }

    private static Schema compiled(JsonNode schema) {
        String key = JSON.writeValueAsString(schema);
        Schema found = COMPILED.get(key);
        if (found == null) {
            found = REGISTRY.getSchema(schema);
            found.initializeValidators();
            COMPILED.put(key, found);
        }
        return found;
    }

    /**
     * A JSON pointer of the library as a document path: {@code /routes/2/timeout} under
     * {@code spec.config} is {@code spec.config.routes[2].timeout}; a missing or unknown property
     * ({@code required}, {@code additionalProperties}) is named as the property itself.
     */
    static String documentPath(String base, NodePath location, String property) {
        StringBuilder p = new StringBuilder(base);
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            if (element instanceof Integer index) {
                p.append('[').append(index).append(']');
            } else {
                p.append('.').append(element);
            }
        }
        if (property != null) {
            p.append('.').append(property);
        }
        return p.toString();
    }
}
