package org.wasmconsole.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.tenant.TenantService;
import tools.jackson.databind.json.JsonMapper;

/** The extension service against the real (H2) database: rules, concurrency, queries. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExtensionServiceTest {

    /** An organization of this class's own, so that other tests' data never interferes. */
    static final String ORG = "svc-test";

    @Autowired
    ExtensionService service;
    @Autowired
    TenantService tenants;

    @BeforeAll
    void createOrganization() {
        asSystem(() -> {
            tenants.createOrganization(ORG, "Service tests");
            tenants.create(ORG, "alpha", "Alpha");
            tenants.create(ORG, "beta", "Beta");
            service.create(definition("q-authn-low").phase(PluginPhase.AUTHN).priority(1).build());
            service.create(definition("q-authn-high").phase(PluginPhase.AUTHN).priority(100)
                    .url("oci://docker.io/example/high:latest").build());
            service.create(definition("q-authz").phase(PluginPhase.AUTHZ).priority(5000)
                    .summary("Checks the needle in a haystack").allowedIn(List.of(tenant("alpha"))).build());
            service.create(definition("q-unspecified").priority(Integer.MAX_VALUE)
                    .allowedIn(List.of(tenant("beta"))).build());
            service.create(definition("q-stats").phase(PluginPhase.STATS).priority(Integer.MIN_VALUE)
                    .url("https://example.com/stats.wasm").build());
        });
    }

    static String tenant(String name) {
        return "organizations/" + ORG + "/tenants/" + name;
    }

    static ExtensionDefinition.Builder definition(String name) {
        return ExtensionDefinition.builder().organization(ORG).name(name)
                .url("oci://docker.io/example/" + name + ":1.0");
    }

    /** More than two export pages, with ties on phase and priority across page boundaries. */
    @Test
    void forEachHandsOverEveryExtensionOnceInProxyOrderAcrossPages() {
        String org = "foreach-keyset";
        List<ExtensionDefinition> created = new java.util.ArrayList<>();
        asSystem(() -> {
            tenants.createOrganization(org, null);
            for (int i = 0; i < 450; i++) {
                ExtensionDefinition d = ExtensionDefinition.builder().organization(org)
                        .name("k-" + String.format("%03d", (i * 37) % 450))
                        .url("oci://docker.io/example/k:1.0").phase(PluginPhase.values()[i % 4])
                        .priority(i % 7).build();
                service.create(d);
                created.add(d);
            }
        });
        List<String> expected = created.stream().sorted(java.util.Comparator
                        .comparing((ExtensionDefinition d) -> d.phase().name())
                        .thenComparing(ExtensionDefinition::priority, java.util.Comparator.reverseOrder())
                        .thenComparing(ExtensionDefinition::name))
                .map(ExtensionDefinition::name).toList();

        List<String> handed = new java.util.ArrayList<>();
        asSystem(() -> service.forEach(ExtensionFilter.all(org), e -> handed.add(e.definition().name())));

        assertThat(handed).hasSize(450).doesNotHaveDuplicates().isEqualTo(expected);
    }

    @Test
    void createdExtensionReadsBackWithEveryFieldAndServerManagedOnes() {
        ExtensionDefinition full = definition("full-fields").displayName("Full fields").summary("One line")
                .source("https://github.com/example/full").description("# Title\n\nBody")
                .phase(PluginPhase.AUTHZ).priority(-42)
                .config(JsonMapper.builder().build().readTree("{\"z\":1,\"a\":{\"b\":[true,null,\"x\"]}}"))
                .imagePullPolicy(PullPolicy.ALWAYS).imagePullSecret("regcred")
                .env(List.of(EnvVar.inline("LOG_LEVEL", "debug"), EnvVar.host("POD_NAME")))
                .matchMode(WorkloadMode.SERVER).allowedIn(List.of(tenant("beta"), tenant("alpha"))).build();
        StoredExtension created = asSystem(() -> service.create(full));

        StoredExtension read = asSystem(() -> service.get(ORG, "full-fields"));
        assertThat(read.definition()).isEqualTo(full);
        assertThat(read.fqn()).isEqualTo("organizations/svc-test/extensions/full-fields");
        assertThat(read.etag()).isEqualTo(created.etag()).startsWith("\"").endsWith("\"");
        assertThat(read.updatedBy()).isEqualTo("system");
    }

    @Test
    void invalidDefinitionIsRefusedWithEveryFieldPathAndNothingIsSaved() {
        ExtensionDefinition bad = definition("bad-one").url("ftp://example.com/x.wasm")
                .env(List.of(EnvVar.inline("OK", "1"), new EnvVar("POD", EnvValueSource.HOST, "value")))
                .allowedIn(List.of(tenant("nobody"))).build();

        assertThatThrownBy(() -> asSystem(() -> service.create(bad)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path)
                        .containsExactlyInAnyOrder("spec.url", "spec.vmConfig.env[1].value", "spec.allowedIn[0]"));
        assertThat(asSystem(() -> service.find(ORG, "bad-one"))).isEmpty();
    }

    @Test
    void unknownOrganizationIsAViolationOfMetadataOrganization() {
        ExtensionDefinition orphan = definition("orphan").organization("no-such-org").build();
        assertThatThrownBy(() -> asSystem(() -> service.create(orphan)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("metadata.organization"));
    }

    @Test
    void nameAlreadyTakenIsAConflictOnMetadataName() {
        asSystem(() -> service.create(definition("taken").build()));
        assertThatThrownBy(() -> asSystem(() -> service.create(definition("taken").priority(7).build())))
                .isInstanceOfSatisfying(ConflictException.class, e -> assertThat(e.path()).isEqualTo("metadata.name"));
        assertThat(asSystem(() -> service.get(ORG, "taken")).definition().priority()).isZero();
    }

    @Test
    void everyUpdateChangesTheEtagAndAStaleEtagChangesNothing() {
        StoredExtension v1 = asSystem(() -> service.create(definition("versioned").priority(1).build()));
        StoredExtension v2 = asSystem(() -> service.update(v1.definition().toBuilder().priority(2).build(),
                v1.etag()));
        assertThat(v2.etag()).isNotEqualTo(v1.etag());
        assertThat(v2.definition().priority()).isEqualTo(2);

        assertThatThrownBy(() -> asSystem(() -> service.update(v1.definition().toBuilder().priority(3).build(),
                v1.etag()))).isInstanceOf(ConflictException.class).hasMessageContaining("changed by someone else");
        StoredExtension now = asSystem(() -> service.get(ORG, "versioned"));
        assertThat(now.definition().priority()).isEqualTo(2);
        assertThat(now.etag()).isEqualTo(v2.etag());
    }

    @Test
    void invalidUpdateIsRefusedAndKeepsTheStoredVersion() {
        StoredExtension v1 = asSystem(() -> service.create(definition("keep-me").build()));
        assertThatThrownBy(() -> asSystem(() -> service.update(v1.definition().toBuilder()
                .imagePullSecret("regcred").url("https://example.com/x.wasm").build(), v1.etag())))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::path).containsExactly("spec.imagePullSecret"));
        assertThat(asSystem(() -> service.get(ORG, "keep-me"))).isEqualTo(v1);
    }

    @Test
    void deleteWithAStaleEtagIsRefusedAndWithTheCurrentOneRemovesIt() {
        StoredExtension v1 = asSystem(() -> service.create(definition("short-lived").build()));
        StoredExtension v2 = asSystem(() -> service.update(v1.definition().toBuilder().priority(9).build(),
                v1.etag()));
        assertThatThrownBy(() -> asSystem(() -> service.delete(ORG, "short-lived", v1.etag())))
                .isInstanceOf(ConflictException.class);
        asSystem(() -> service.delete(ORG, "short-lived", v2.etag()));
        assertThat(asSystem(() -> service.find(ORG, "short-lived"))).isEmpty();
        assertThatThrownBy(() -> asSystem(() -> service.delete(ORG, "short-lived", null)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void defaultOrderIsTheProxyOrderPhaseThenPriorityDescendingThenName() {
        List<String> names = asSystem(() -> service.list(filter(null, null, null, null), PageRequest.of(0, 50)))
                .stream().map(ExtensionSummary::name).filter(n -> n.startsWith("q-")).toList();
        assertThat(names).containsExactly("q-authn-high", "q-authn-low", "q-authz", "q-stats", "q-unspecified");
    }

    @Test
    void pagesComeFromTheDatabaseInTheRequestedOrder() {
        ExtensionFilter onlyQueries = filter("q-", null, null, null);
        List<String> first = names(onlyQueries, PageRequest.of(0, 2, Sort.by("name")));
        List<String> second = names(onlyQueries, PageRequest.of(1, 2, Sort.by("name")));
        List<String> byPriority = names(onlyQueries, PageRequest.of(0, 5, Sort.by(Sort.Order.desc("priority"))));
        assertThat(first).containsExactly("q-authn-high", "q-authn-low");
        assertThat(second).containsExactly("q-authz", "q-stats");
        assertThat(byPriority).containsExactly("q-unspecified", "q-authz", "q-authn-high", "q-authn-low", "q-stats");
        assertThat(asSystem(() -> service.count(onlyQueries))).isEqualTo(5);
    }

    @Test
    void unknownSortPropertyIsRefused() {
        assertThatThrownBy(() -> names(filter(null, null, null, null), PageRequest.of(0, 5, Sort.by("etag"))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.violations().getFirst().path()).isEqualTo("sort"));
    }

    @Test
    void filtersByTextPhaseEffectivePullPolicyAndTenant() {
        assertThat(names(filter("NEEDLE", null, null, null), PageRequest.of(0, 10))).containsExactly("q-authz");
        assertThat(names(filter("q-", PluginPhase.AUTHN, null, null), PageRequest.of(0, 10)))
                .containsExactly("q-authn-high", "q-authn-low");
        assertThat(names(filter("q-", null, PullPolicy.ALWAYS, null), PageRequest.of(0, 10)))
                .containsExactly("q-authn-high");
        assertThat(names(filter("q-", null, null, tenant("alpha")), PageRequest.of(0, 10)))
                .containsExactlyInAnyOrder("q-authn-high", "q-authn-low", "q-authz", "q-stats");
        assertThat(names(filter("q-", null, null, tenant("ghost")), PageRequest.of(0, 10))).isEmpty();
        assertThat(names(filter("100%_", null, null, null), PageRequest.of(0, 10))).isEmpty();
    }

    @Test
    void checkReportsViolationsWithoutSaving() {
        List<Violation> violations = asSystem(() -> service.check(definition("checked-only").url("no-scheme").build()));
        assertThat(violations).extracting(Violation::path).containsExactly("spec.url");
        assertThat(asSystem(() -> service.check(definition("checked-only").build()))).isEmpty();
        assertThat(asSystem(() -> service.find(ORG, "checked-only"))).isEmpty();
    }

    @Test
    void aUrlWithoutSchemeIsSavedAsOciAsTsbAndIstioReadIt() {
        StoredExtension created = asSystem(() -> service.create(definition("scheme-less")
                .url("docker.io/example/scheme-less:1.0").build()));
        assertThat(created.definition().url()).isEqualTo("oci://docker.io/example/scheme-less:1.0");
        StoredExtension updated = asSystem(() -> service.update(created.definition().toBuilder()
                .url("[::1]:5000/example/scheme-less").build(), created.etag()));
        assertThat(updated.definition().url()).isEqualTo("oci://[::1]:5000/example/scheme-less");
        assertThat(updated.definition().effectivePullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
    }

    private List<String> names(ExtensionFilter filter, PageRequest page) {
        return asSystem(() -> service.list(filter, page)).stream().map(ExtensionSummary::name).toList();
    }

    @Test
    void displayNamesAnswerForEveryNamedExtensionHoweverManyAreAsked() {
        asSystem(() -> service.create(definition("dn-named").displayName("Named one").build()));
        // 1,200 names, the real ones past the first and second query's share: none may be cut off.
        List<String> asked = new java.util.ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            asked.add(i == 700 ? "dn-named" : i == 1100 ? "q-authz" : "dn-missing-" + i);
        }
        asked.add("dn-named");

        java.util.Map<String, String> names = asSystem(() -> service.displayNames(ORG, asked));

        assertThat(names).containsOnly(java.util.Map.entry("dn-named", "Named one"), java.util.Map.entry("q-authz", ""));
    }

    static ExtensionFilter filter(String text, PluginPhase phase, PullPolicy policy, String tenant) {
        return new ExtensionFilter(ORG, text, phase, policy, tenant);
    }

}
