package org.wasmconsole.artifact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.wasmconsole.SignedIn.as;
import static org.wasmconsole.SignedIn.asSystem;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.springframework.data.domain.PageRequest;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/** The module service with the real database and a real registry: check, drift, pin, visibility, schedule. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModuleServiceTest {

    static final String ORG = "module-test";
    static final String OPERATOR = "module-test-op";

    @Autowired
    ModuleService modules;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;
    @Autowired
    UserDetailsService userDetails;
    @Autowired
    AuditService audit;
    @Autowired
    ModuleSchedule schedule;

    TestRegistry registry;

    @BeforeAll
    void setUp() {
        registry = TestRegistry.anonymous();
        asSystem(() -> {
            tenants.createOrganization(ORG, null);
            long a = tenants.create(ORG, "team-a", null).id();
            tenants.create(ORG, "team-b", null);
            users.create(OPERATOR, "module-test-password", Role.TENANT_OPERATOR, Set.of(a));
        });
    }

    private StoredExtension create(String name, String url, String... allowedIn) {
        return asSystem(() -> extensions.create(ExtensionDefinition.builder().organization(ORG).name(name).url(url)
                .allowedIn(List.of(allowedIn).stream().map(t -> "organizations/" + ORG + "/tenants/" + t).toList())
                .build()));
    }

    private String url(String repository) {
        return "oci://" + registry.address + "/" + repository;
    }

    @Test
    void aTagUrlIsUncheckedUntilCheckedThenShowsDigestAbiAndExports() {
        String digest = registry.pushWasmArtifact("svc/auth", "1.0", TestRegistry.module("filter.wasm"));
        create("auth", url("svc/auth:1.0"));

        assertThat(asSystem(() -> modules.report(ORG, "auth")).status()).isEqualTo(ModuleStatus.UNCHECKED);
        ModuleReport report = asSystem(() -> modules.check(ORG, "auth"));

        assertThat(report.status()).isEqualTo(ModuleStatus.OK);
        assertThat(report.digest()).isEqualTo(digest);
        assertThat(report.abiVersion()).isEqualTo("0.2.1");
        assertThat(report.exports()).contains("proxy_on_request_headers");
        assertThat(report.imports()).containsExactly("env.proxy_log");
        assertThat(report.size()).isEqualTo(TestRegistry.module("filter.wasm").length);
        assertThat(report.layout()).isEqualTo(Fetched.OCI_WASM);
        assertThat(report.checkedAt()).isNotNull();
        assertThat(report.tagMoved()).isFalse();
        assertThat(report.pinnable()).isTrue();
        // Remembered: a later read without a fetch answers the same.
        assertThat(asSystem(() -> modules.report(ORG, "auth"))).isEqualTo(report);
    }

    @Test
    void aTagThatMovesShowsSinceWhenUntilTheNewDigestIsAccepted() {
        String first = registry.pushWasmArtifact("svc/moving", "stable", TestRegistry.module("filter.wasm"));
        create("moving", url("svc/moving:stable"));
        asSystem(() -> modules.check(ORG, "moving"));

        String second = registry.pushDockerImage("svc/moving", "stable", "plugin.wasm",
                TestRegistry.module("filter-v2.wasm"));
        ModuleReport moved = asSystem(() -> modules.check(ORG, "moving"));

        assertThat(moved.tagMoved()).isTrue();
        assertThat(moved.tagMovedAt()).isEqualTo(moved.checkedAt());
        assertThat(moved.firstDigest()).isEqualTo(first);
        assertThat(moved.digest()).isEqualTo(second);
        assertThat(moved.layout()).isEqualTo(Fetched.DOCKER_COMPAT);
        // Checked again: still moved, still since the first check that saw it.
        ModuleReport again = asSystem(() -> modules.check(ORG, "moving"));
        assertThat(again.tagMovedAt()).isEqualTo(moved.tagMovedAt());

        assertThat(asSystem(() -> modules.namesWithMovedTag(ORG))).contains("moving");
        var movedOnly = ExtensionFilter.all(ORG).withNames(asSystem(() -> modules.namesWithMovedTag(ORG)));
        assertThat(asSystem(() -> extensions.list(movedOnly, PageRequest.of(0, 50))))
                .extracting(ExtensionSummary::name).contains("moving").doesNotContain("auth");

        ModuleReport accepted = asSystem(() -> modules.acceptDigest(ORG, "moving"));
        assertThat(asSystem(() -> modules.namesWithMovedTag(ORG))).doesNotContain("moving");
        assertThat(accepted.tagMoved()).isFalse();
        assertThat(accepted.firstDigest()).isEqualTo(second);
    }

    @Test
    void pinningRewritesTheUrlToTheDigestAsARecordedEditAndRemembersTheTag() {
        String digest = registry.pushWasmArtifact("svc/pin", "2.0", TestRegistry.module("filter.wasm"));
        StoredExtension created = create("pin-me", url("svc/pin:2.0"));
        asSystem(() -> modules.check(ORG, "pin-me"));

        StoredExtension pinned = asSystem(() -> modules.pin(ORG, "pin-me", created.etag()));

        assertThat(pinned.definition().url()).isEqualTo(url("svc/pin:2.0@" + digest));
        assertThat(pinned.etag()).isNotEqualTo(created.etag());
        ModuleReport report = asSystem(() -> modules.report(ORG, "pin-me"));
        assertThat(report.url()).isEqualTo(pinned.definition().url());
        assertThat(report.pinnedFrom()).isEqualTo(url("svc/pin:2.0"));
        assertThat(report.digest()).isEqualTo(digest);
        assertThat(report.status()).isEqualTo(ModuleStatus.OK);
        assertThat(report.pinnable()).isFalse();
        assertThat(asSystem(() -> audit.extensionHistory(ORG, "pin-me"))).hasSize(2);
        assertThatThrownBy(() -> asSystem(() -> modules.pin(ORG, "pin-me", pinned.etag())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("already pinned");
    }

    @Test
    void aBulkPinPinsWhatItCanAndSaysWhyTheOthersWereLeft() throws Exception {
        String digest = registry.pushWasmArtifact("svc/bulk", "1", TestRegistry.module("filter.wasm"));
        create("bulk-tag", url("svc/bulk:1"));
        create("bulk-pinned", url("svc/bulk:1@" + digest));
        create("bulk-http", "https://example.com/filter.wasm");
        create("bulk-missing", url("svc/bulk:404"));

        var results = asSystem(() -> modules.pinAllInBackground(ORG,
                List.of("bulk-tag", "bulk-pinned", "bulk-http", "bulk-missing"))).get();

        assertThat(results).extracting(ModuleService.PinResult::name)
                .containsExactly("bulk-tag", "bulk-pinned", "bulk-http", "bulk-missing");
        assertThat(results.get(0).pinnedUrl()).isEqualTo(url("svc/bulk:1@" + digest));
        assertThat(results.get(1).problem()).contains("already pinned");
        assertThat(results.get(2).problem()).contains("only an oci:// url with a tag");
        assertThat(results.get(3).problem()).contains("HTTP 404");
        assertThat(asSystem(() -> extensions.get(ORG, "bulk-tag")).definition().url())
                .isEqualTo(url("svc/bulk:1@" + digest));
        assertThat(asSystem(() -> extensions.get(ORG, "bulk-missing")).definition().url())
                .isEqualTo(url("svc/bulk:404"));
    }

    @Test
    void pinningWithAStaleEtagChangesNothing() {
        registry.pushWasmArtifact("svc/stale", "1", TestRegistry.module("filter.wasm"));
        StoredExtension created = create("stale-pin", url("svc/stale:1"));
        asSystem(() -> extensions.update(created.definition().toBuilder().priority(7).build(), created.etag()));

        assertThatThrownBy(() -> asSystem(() -> modules.pin(ORG, "stale-pin", created.etag())))
                .isInstanceOf(ConflictException.class);
        assertThat(asSystem(() -> extensions.get(ORG, "stale-pin")).definition().url()).isEqualTo(url("svc/stale:1"));
    }

    @Test
    void aUrlThatCannotBeResolvedCannotBePinnedAndSaysWhy() {
        StoredExtension created = create("nowhere", url("svc/does-not-exist:1"));

        assertThatThrownBy(() -> asSystem(() -> modules.pin(ORG, "nowhere", created.etag())))
                .isInstanceOf(ValidationException.class).hasMessageContaining("found no digest")
                .hasMessageContaining("HTTP 404");
        assertThat(asSystem(() -> modules.report(ORG, "nowhere")).status()).isEqualTo(ModuleStatus.UNREACHABLE);
    }

    @Test
    void aModuleThatIsNoProxyWasmFilterIsInvalidWithItsReasons() {
        registry.pushWasmArtifact("svc/not-proxy", "1", TestRegistry.module("not-proxy-wasm.wasm"));
        registry.pushOtherArtifact("svc/not-wasm", "1");
        create("not-proxy", url("svc/not-proxy:1"));
        create("not-wasm", url("svc/not-wasm:1"));

        ModuleReport notProxy = asSystem(() -> modules.check(ORG, "not-proxy"));
        ModuleReport notWasm = asSystem(() -> modules.check(ORG, "not-wasm"));

        assertThat(notProxy.status()).isEqualTo(ModuleStatus.INVALID);
        assertThat(notProxy.digest()).isNotNull();
        assertThat(notProxy.problems()).extracting(Problem::message)
                .anySatisfy(m -> assertThat(m).contains("proxy_abi_version"));
        assertThat(notWasm.status()).isEqualTo(ModuleStatus.INVALID);
        assertThat(notWasm.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("not a Wasm image Istio can load"));
    }

    @Test
    void aFileUrlCannotBeCheckedAndSaysSo() {
        create("local-file", "file:///opt/filters/auth.wasm");

        ModuleReport report = asSystem(() -> modules.check(ORG, "local-file"));

        assertThat(report.status()).isEqualTo(ModuleStatus.UNCHECKABLE);
        assertThat(report.problems()).singleElement().satisfies(p -> assertThat(p.message()).contains("file://"));
    }

    @Test
    void anOperatorSeesModulesOnlyOfExtensionsAvailableToTheirTenants() {
        registry.pushWasmArtifact("svc/tenant", "1", TestRegistry.module("filter.wasm"));
        create("for-a", url("svc/tenant:1"), "team-a");
        create("for-b", url("svc/tenant:1"), "team-b");

        ModuleReport seen = as(userDetails, OPERATOR, () -> modules.check(ORG, "for-a"));

        assertThat(seen.status()).isEqualTo(ModuleStatus.OK);
        assertThatThrownBy(() -> as(userDetails, OPERATOR, () -> modules.report(ORG, "for-b")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(userDetails, OPERATOR, () -> modules.check(ORG, "for-b")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> as(userDetails, OPERATOR, () -> modules.checkInBackground(ORG, "for-b")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void aCheckStartedInTheBackgroundRunsWithTheCallersRights() throws Exception {
        registry.pushWasmArtifact("svc/background", "1", TestRegistry.module("filter.wasm"));
        create("background", url("svc/background:1"), "team-a");

        ModuleReport report = as(userDetails, OPERATOR, () -> modules.checkInBackground(ORG, "background")).get();

        assertThat(report.status()).isEqualTo(ModuleStatus.OK);
    }

    @Test
    void changingTheUrlForgetsTheOldFactsAndDeletingTheExtensionDeletesThem() {
        registry.pushWasmArtifact("svc/edit", "1", TestRegistry.module("filter.wasm"));
        StoredExtension created = create("edited", url("svc/edit:1"));
        asSystem(() -> modules.check(ORG, "edited"));

        asSystem(() -> extensions.update(created.definition().toBuilder().url(url("svc/edit:2")).build(),
                created.etag()));
        assertThat(asSystem(() -> modules.report(ORG, "edited")).status()).isEqualTo(ModuleStatus.UNCHECKED);

        asSystem(() -> modules.check(ORG, "edited"));
        asSystem(() -> extensions.delete(ORG, "edited", null));
        create("edited", url("svc/edit:2"));
        assertThat(asSystem(() -> modules.report(ORG, "edited")).status()).isEqualTo(ModuleStatus.UNCHECKED);
    }

    @Test
    void oneScheduledRoundRunsOnOneInstanceAtATime() {
        registry.pushWasmArtifact("svc/scheduled", "1", TestRegistry.module("filter.wasm"));
        create("scheduled", url("svc/scheduled:1"));

        // Another instance holds this round: this one skips it and checks nothing.
        assertThat(schedule.claim(Duration.ofMinutes(5))).isTrue();
        assertThat(schedule.runOnce(ORG, Duration.ofMinutes(5))).isEqualTo(-1);
        assertThat(asSystem(() -> modules.report(ORG, "scheduled")).status()).isEqualTo(ModuleStatus.UNCHECKED);

        // Once the hold is over, the next round runs and checks the organization's movable urls.
        release();
        assertThat(schedule.runOnce(ORG, Duration.ZERO)).isPositive();
        assertThat(asSystem(() -> modules.report(ORG, "scheduled")).status()).isEqualTo(ModuleStatus.OK);
    }

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    private void release() {
        jdbc.update("update module_check_lock set locked_until = current_timestamp where name = ?", ModuleSchedule.LOCK);
    }
}
