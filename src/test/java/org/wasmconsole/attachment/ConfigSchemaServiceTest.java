package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Config schemas against the real database (H2, and PostgreSQL in the second run): the schema
 * checked before it is stored; the extension's spec.config and attachments' overrides checked
 * against it on every save, nothing saved when they break it; a schema change that would break an
 * existing config refused with the list; operators read, never write.
 */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfigSchemaServiceTest {

    static final String ORG = "schema-svc-test";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final JsonNode SCHEMA = json("""
            {'type': 'object', 'required': ['limit'],
             'properties': {'limit': {'type': 'integer', 'minimum': 1}, 'header': {'type': 'string'}}}""");

    @Autowired
    ConfigSchemaService schemas;
    @Autowired
    ExtensionService extensions;
    @Autowired
    AttachmentService attachments;
    @Autowired
    TopologyService topology;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AuditService audit;

    @BeforeAll
    void setUp() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Config schema tests");
            TenantInfo red = tenants.create(ORG, "red", "Red");
            users.create("schema-op-red", "operator-password-red", Role.TENANT_OPERATOR, Set.of(red.id()));
            topology.saveWorkspace(new WorkspaceInfo(tenant(), "ws", null));
            topology.saveGroup(new GroupInfo(tenant(), "ws", GroupKind.GATEWAY, "gg", null));
        });
    }

    static JsonNode json(String text) {
        return JSON.readTree(text.replace('\'', '"'));
    }

    static String tenant() {
        return "organizations/" + ORG + "/tenants/red";
    }

    StoredExtension extension(String name, String config) {
        return asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").config(config == null ? null : json(config)).build()));
    }

    TargetRef gateway(String name) {
        TargetRef ref = new TargetRef(TargetKind.INGRESS_GATEWAY, tenant(), "ws", "gg", name);
        asSystem(() -> attachments.save(new TargetDefinition(ref, null, "ingress", Map.of("app", name), List.of()),
                null));
        return ref;
    }

    static String fqn(String name) {
        return ExtensionDefinition.fqn(ORG, name);
    }

    static List<Violation> violations(Runnable write) {
        try {
            asSystem(write);
        } catch (ValidationException e) {
            return e.violations();
        }
        throw new AssertionError("no violation");
    }

    static List<String> paths(List<Violation> v) {
        return v.stream().map(Violation::path).toList();
    }

    @Test
    void anInvalidSchemaIsRefusedWithItsPathAndNothingIsStored() {
        StoredExtension ext = extension("bad-schema", null);
        List<Violation> v = violations(() -> schemas.set(ORG, "bad-schema",
                json("{'type': 'object', 'properties': {'limit': {'type': 'integr'}}}"), null));
        assertThat(paths(v)).containsExactly("spec.schema.properties.limit.type");
        assertThat(asSystem(() -> schemas.find(ORG, "bad-schema"))).isEmpty();
        assertThat(asSystem(() -> extensions.get(ORG, "bad-schema")).etag()).isEqualTo(ext.etag());
    }

    @Test
    void theExtensionsConfigIsCheckedOnEverySaveAndABadOneSavesNothing() {
        StoredExtension ext = extension("checked", "{'limit': 5}");
        StoredExtension withSchema = asSystem(() -> schemas.set(ORG, "checked", SCHEMA, ext.etag()));
        assertThat(withSchema.etag()).isNotEqualTo(ext.etag());
        assertThat(withSchema.configSchema()).isEqualTo(SCHEMA);

        ExtensionDefinition bad = withSchema.definition().toBuilder().config(json("{'limit': 0, 'header': 7}")).build();
        assertThat(asSystem(() -> extensions.check(bad))).extracting(Violation::path)
                .containsExactlyInAnyOrder("spec.config.limit", "spec.config.header");
        List<Violation> v = violations(() -> extensions.update(bad, withSchema.etag()));
        assertThat(paths(v)).containsExactlyInAnyOrder("spec.config.limit", "spec.config.header");
        assertThat(v).filteredOn(x -> x.path().equals("spec.config.limit")).singleElement()
                .extracting(Violation::message).asString().contains("use 1 or more");
        StoredExtension after = asSystem(() -> extensions.get(ORG, "checked"));
        assertThat(after.etag()).isEqualTo(withSchema.etag());
        assertThat(after.definition().config()).isEqualTo(json("{'limit': 5}"));

        ExtensionDefinition good = withSchema.definition().toBuilder().config(json("{'limit': 9}")).build();
        assertThat(asSystem(() -> extensions.update(good, withSchema.etag())).definition().config())
                .isEqualTo(json("{'limit': 9}"));
    }

    @Test
    void anAttachmentsOverrideIsCheckedAgainstTheSchemaAndABadOneSavesNothing() {
        extension("override", "{'limit': 5}");
        asSystem(() -> schemas.set(ORG, "override", SCHEMA, null));
        TargetRef gw = gateway("gw-override");
        List<Violation> v = violations(() -> attachments.attach(gw,
                new Attachment(fqn("override"), json("{'header': 42}"), List.of()), null));
        assertThat(paths(v)).containsExactlyInAnyOrder("spec.extension[0].config.header",
                "spec.extension[0].config.limit");
        assertThat(asSystem(() -> attachments.get(gw)).definition().attachments()).isEmpty();

        asSystem(() -> attachments.attach(gw, new Attachment(fqn("override"), json("{'limit': 2}"), List.of()), null));
        assertThat(asSystem(() -> attachments.get(gw)).definition().attachments()).singleElement()
                .extracting(a -> a.config().get("limit").asInt()).isEqualTo(2);
    }

    @Test
    void aSchemaThatWouldBreakExistingConfigsIsRefusedListingThem() {
        StoredExtension ext = extension("narrowed", "{'limit': 5, 'header': 'x-a'}");
        TargetRef gw = gateway("gw-narrowed");
        asSystem(() -> attachments.attach(gw, new Attachment(fqn("narrowed"), json("{'header': 'x-b'}"), List.of()),
                null));
        asSystem(() -> attachments.attach(gateway("gw-inherits"), Attachment.of(fqn("narrowed")), null));

        JsonNode stricter = json("{'type': 'object', 'required': ['limit'], 'additionalProperties': false,"
                + " 'properties': {'limit': {'type': 'integer', 'maximum': 3}}}");
        List<Violation> v = violations(() -> schemas.set(ORG, "narrowed", stricter, null));
        assertThat(v).singleElement().satisfies(x -> {
            assertThat(x.path()).isEqualTo("spec.schema");
            assertThat(x.message()).contains("would make 4 existing configs invalid")
                    .contains(fqn("narrowed") + " spec.config.limit")
                    .contains(fqn("narrowed") + " spec.config.header")
                    .contains(gw.fqn() + " spec.extension[0].config.limit")
                    .contains(gw.fqn() + " spec.extension[0].config.header")
                    .doesNotContain("gw-inherits");
        });
        assertThat(asSystem(() -> schemas.find(ORG, "narrowed"))).isEmpty();
        assertThat(asSystem(() -> extensions.get(ORG, "narrowed")).etag()).isEqualTo(ext.etag());
        assertThat(asSystem(() -> schemas.check(ORG, "narrowed", stricter))).hasSize(1);
    }

    @Test
    void removingTheSchemaFreesTheConfigAndIsRecorded() {
        extension("removed", "{'limit': 5}");
        asSystem(() -> schemas.set(ORG, "removed", SCHEMA, null));
        assertThat(asSystem(() -> schemas.remove(ORG, "removed", null))).isTrue();
        assertThat(asSystem(() -> schemas.remove(ORG, "removed", null))).isFalse();
        assertThat(asSystem(() -> schemas.find(ORG, "removed"))).isEmpty();
        var records = asSystem(() -> audit.list(new AuditFilter(null, fqn("removed"), null, null, null), PageRequest.of(0, 10)));
        assertThat(records).extracting(r -> r.summary())
                .contains("config schema set", "config schema removed");
    }

    @Test
    void anIdenticalSchemaChangesNothing() {
        extension("same", "{'limit': 5}");
        StoredExtension first = asSystem(() -> schemas.set(ORG, "same", SCHEMA, null));
        assertThat(asSystem(() -> schemas.set(ORG, "same", SCHEMA.deepCopy(), null)).etag()).isEqualTo(first.etag());
    }

    @Test
    void operatorsReadTheSchemaOfWhatTheySeeButNeverWriteIt() {
        extension("visible", "{'limit': 5}");
        asSystem(() -> schemas.set(ORG, "visible", SCHEMA, null));
        assertThat(as(userDetails, "schema-op-red", () -> schemas.find(ORG, "visible"))).contains(SCHEMA);
        assertThatThrownBy(() -> as(userDetails, "schema-op-red", () -> schemas.set(ORG, "visible", SCHEMA, null)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> as(userDetails, "schema-op-red", () -> schemas.remove(ORG, "visible", null)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
