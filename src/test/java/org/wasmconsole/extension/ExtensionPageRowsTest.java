package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.SignedIn;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.yaml.ExtensionYaml;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.user.UserService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code forEach} (export, REST list) reads its pages as rows ({@link ExtensionPageRows}), {@code get} reads the
 * entity: both must give the same stored extension, and so the same exported bytes, for every caller (issue #23).
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionPageRowsTest {

    static final String ORG = "page-rows";
    static final String OPERATOR = "page-rows-operator";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final List<String> TEXTS = List.of("plain", "yes", "null", "1e3", "0x10", "", " ", "a: b",
            "é", "日本語", "emoji 🎉", "line one\nline two\n", "trailing space \nnext", "tab\there", "- item", "#x",
            "\"quoted\"", "it's", "x".repeat(2000), "multi\n\n\nbreaks\n\n", "{not: json}", "\u2028", "~");

    @Autowired
    ExtensionService service;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    ConfigSchemaService schemas;

    final List<String> names = new ArrayList<>();

    @BeforeAll
    void generate() {
        Random random = new Random(23);
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            List<String> fqns = new ArrayList<>();
            long first = 0;
            for (int t = 0; t < 4; t++) {
                long id = tenants.create(ORG, "t" + t, null).id();
                first = t == 0 ? id : first;
                fqns.add("organizations/" + ORG + "/tenants/t" + t);
            }
            users.create(OPERATOR, "operator-password-rows", Role.TENANT_OPERATOR, Set.of(first, first + 2));
            // More than one page (200), so that rows of several pages are read and matched to their ids.
            for (int i = 0; i < 230; i++) {
                List<String> allowed = new ArrayList<>(fqns.subList(0, random.nextInt(0, 5)));
                Collections.shuffle(allowed, random);
                List<EnvVar> env = new ArrayList<>();
                for (int k = random.nextInt(0, 5); k > 0; k--) {
                    env.add(random.nextBoolean() ? EnvVar.host("HOST_" + k)
                            : EnvVar.inline("VAR_" + (9 - k), TEXTS.get(random.nextInt(TEXTS.size()))));
                }
                ExtensionDefinition d = ExtensionDefinition.builder().organization(ORG).name("r-" + i)
                        .displayName(random.nextBoolean() ? null : "Rows " + TEXTS.get(random.nextInt(8)))
                        .summary(random.nextBoolean() ? null : "Summary é " + i)
                        .description(random.nextBoolean() ? null : TEXTS.get(random.nextInt(TEXTS.size())))
                        .url("oci://docker.io/example/r" + i + ":1.0").phase(PluginPhase.values()[i % 4])
                        .priority(random.nextInt(-3, 3)).config(random.nextInt(4) == 0 ? null : object(random, 0))
                        .imagePullPolicy(PullPolicy.values()[i % PullPolicy.values().length])
                        .imagePullSecret(random.nextBoolean() ? null : "regcred")
                        .matchMode(WorkloadMode.values()[i % WorkloadMode.values().length])
                        .env(env).allowedIn(allowed)
                        .meta(random.nextBoolean() ? null : ObjectMeta.of(Map.of("app", "r" + i),
                                Map.of("note", TEXTS.get(random.nextInt(TEXTS.size())))))
                        .build();
                StoredExtension created = service.create(d);
                if (i % 7 == 0) {
                    schemas.set(ORG, d.name(), NODES.objectNode().put("type", "object"), created.etag());
                }
                names.add(d.name());
            }
        });
    }

    @Test
    void forEachGivesWhatGetGivesForAnAdmin() {
        assertSameAsGet(SignedIn::asSystem);
    }

    @Test
    void forEachGivesWhatGetGivesForAnOperatorWhoSeesOnlyTheirTenants() {
        assertSameAsGet(new Caller() {
            @Override
            public <T> T run(Supplier<T> work) {
                return SignedIn.as(userDetails, OPERATOR, work);
            }
        });
    }

    private void assertSameAsGet(Caller caller) {
        List<StoredExtension> handed = new ArrayList<>();
        caller.run(() -> {
            service.forEach(ExtensionFilter.all(ORG), handed::add);
            return null;
        });
        assertThat(handed).isNotEmpty();
        for (StoredExtension e : handed) {
            StoredExtension read = caller.run(() -> service.get(ORG, e.definition().name()));
            assertThat(e).isEqualTo(read);
            assertThat(ExtensionYaml.write(e)).isEqualTo(ExtensionYaml.write(read));
        }
        assertThat(handed.stream().filter(e -> !e.definition().env().isEmpty())).isNotEmpty();
        assertThat(handed.stream().filter(e -> e.definition().allowedIn().size() > 1)).isNotEmpty();
        assertThat(handed.stream().filter(e -> e.configSchema() != null)).isNotEmpty();
    }

    private static ObjectNode object(Random random, int depth) {
        ObjectNode node = NODES.objectNode();
        for (int i = random.nextInt(0, depth == 0 ? 6 : 4); i > 0; i--) {
            node.set(random.nextInt(5) == 0 ? TEXTS.get(random.nextInt(TEXTS.size())) + i : "k" + i,
                    value(random, depth + 1));
        }
        return node;
    }

    private static JsonNode value(Random random, int depth) {
        return switch (random.nextInt(depth > 3 ? 6 : 8)) {
            case 0 -> NODES.stringNode(TEXTS.get(random.nextInt(TEXTS.size())));
            case 1 -> NODES.numberNode(random.nextInt(-1000, 1000));
            case 2 -> random.nextBoolean() ? NODES.numberNode(random.nextLong())
                    : NODES.numberNode(new java.math.BigInteger("123456789012345678901234567890"));
            case 3 -> NODES.numberNode(random.nextDouble() * 100);
            case 4 -> random.nextBoolean() ? NODES.booleanNode(random.nextBoolean()) : NODES.nullNode();
            case 5 -> NODES.objectNode();
            case 6 -> object(random, depth);
            default -> {
                ArrayNode array = NODES.arrayNode();
                for (int i = random.nextInt(0, 4); i > 0; i--) {
                    array.add(value(random, depth + 1));
                }
                yield array;
            }
        };
    }

    private interface Caller {
        <T> T run(Supplier<T> work);
    }
}
