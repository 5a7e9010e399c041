package org.wasmconsole.base;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.wasmconsole.base.Fqn.Level;

class FqnTest {

    static final String TARGET = "organizations/tse/tenants/t1/workspaces/w1/gatewaygroups/g1/ingressgateways/ingress";

    @Test
    void everyLevelIsBuiltAsTsbWritesIt() {
        Fqn tenant = Fqn.tenant("tse", "t1");
        assertThat(Fqn.organization("tse")).hasToString("organizations/tse");
        assertThat(tenant).hasToString("organizations/tse/tenants/t1");
        assertThat(tenant.workspace("w1")).hasToString("organizations/tse/tenants/t1/workspaces/w1");
        assertThat(tenant.workspace("w1").group("securitygroups", "s1"))
                .hasToString("organizations/tse/tenants/t1/workspaces/w1/securitygroups/s1");
        assertThat(tenant.workspace("w1").group("gatewaygroups", "g1").target("ingressgateways", "ingress"))
                .hasToString(TARGET);
        assertThat(Fqn.extension("tse", "wasm-auth")).hasToString("organizations/tse/extensions/wasm-auth");
    }

    @ParameterizedTest
    @ValueSource(strings = {"organizations/tse", "organizations/tse/tenants/t1",
            "organizations/tse/tenants/t1/workspaces/w1", "organizations/tse/tenants/t1/workspaces/w1/gatewaygroups/g1",
            TARGET, "organizations/tse/tenants/t1/workspaces/w1/securitygroups/s1/settings/s",
            "organizations/tse/extensions/wasm-auth", "organizations/o.x/tenants/Odd Name_1"})
    void everyLevelRoundTrips(String text) {
        Fqn fqn = Fqn.parse(text);
        assertThat(fqn).hasToString(text);
        assertThat(Fqn.parse(fqn.toString())).isEqualTo(fqn);
    }

    @Test
    void theLevelsNamesAndTenantOfAParsedFqn() {
        Fqn target = Fqn.parse(TARGET);
        assertThat(target.level()).isEqualTo(Level.TARGET);
        assertThat(target.name()).isEqualTo("ingress");
        assertThat(List.of(target.organization(), target.tenant(), target.workspace(), target.groupCollection(),
                target.group(), target.targetCollection(), target.target()))
                .containsExactly("tse", "t1", "w1", "gatewaygroups", "g1", "ingressgateways", "ingress");
        assertThat(target.tenantFqn()).contains(Fqn.tenant("tse", "t1"));
        assertThat(Fqn.parse("organizations/tse").level()).isEqualTo(Level.ORGANIZATION);
        assertThat(Fqn.parse("organizations/tse").name()).isEqualTo("tse");
        assertThat(Fqn.parse("organizations/tse/tenants/t1").level()).isEqualTo(Level.TENANT);
        assertThat(Fqn.parse("organizations/tse/tenants/t1/workspaces/w").level()).isEqualTo(Level.WORKSPACE);
        assertThat(Fqn.parse("organizations/tse/tenants/t1/workspaces/w/gatewaygroups/g").level())
                .isEqualTo(Level.GROUP);
        Fqn extension = Fqn.parse("organizations/tse/extensions/wasm-auth");
        assertThat(extension.level()).isEqualTo(Level.EXTENSION);
        assertThat(extension.name()).isEqualTo("wasm-auth");
        assertThat(extension.tenantFqn()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"tse", "organization/tse", "organizations", "organizations/", "organizations/tse/",
            "organizations/tse/tenants", "organizations/tse/tenants/", "organizations//tenants/t1",
            "organizations/tse/tenant/t1", "organizations/tse/tenants/t1/workspace/w1",
            "/organizations/tse/tenants/t1", "organizations/tse/tenants/t1/", "organizations/tse/extensions/a/b/c",
            "organizations/tse/tenants/t1/workspaces/w1/Gateway Groups/g1",
            "organizations/tse/tenants/t1/workspaces/w1/gatewaygroups/g1/ingressgateways/i/more/x"})
    void malformedTextsAreRefusedSayingHowToWriteOne(String text) {
        assertThatThrownBy(() -> Fqn.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("'" + text + "' is not an FQN: ");
        assertThat(Fqn.tryParse(text)).isEmpty();
    }

    @Test
    void nothingIsNotAnFqn() {
        assertThatThrownBy(() -> Fqn.parse(null)).hasMessage("an FQN is required, e.g. organizations/<organization>/tenants/<tenant>");
        assertThatThrownBy(() -> Fqn.parse("")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Fqn.tryParse(null)).isEmpty();
    }

    @Test
    void aLevelCanBeRequired() {
        assertThat(Fqn.parse("organizations/tse/tenants/t1", Level.TENANT)).isEqualTo(Fqn.tenant("tse", "t1"));
        assertThatThrownBy(() -> Fqn.parse("organizations/tse/extensions/x", Level.TENANT))
                .hasMessage("'organizations/tse/extensions/x' is not a tenant FQN: write"
                        + " organizations/<organization>/tenants/<tenant>");
        assertThatThrownBy(() -> Fqn.parse("nonsense", Level.EXTENSION))
                .hasMessage("'nonsense' is not an extension FQN: write organizations/<organization>/extensions/<extension>");
        assertThat(Fqn.tryParse(TARGET, Level.TARGET)).isPresent();
        assertThat(Fqn.tryParse(TARGET, Level.GROUP)).isEmpty();
    }

    @Test
    void childrenOnlyOfTheirParentLevel() {
        assertThatThrownBy(() -> Fqn.organization("tse").workspace("w")).hasMessageContaining("belongs to a tenant");
        assertThatThrownBy(() -> Fqn.tenant("tse", "t").group("gatewaygroups", "g"))
                .hasMessageContaining("belongs to a workspace");
        assertThatThrownBy(() -> Fqn.tenant("tse", "t").workspace("w").target("settings", "s"))
                .hasMessageContaining("belongs to a group");
        // names are the validators' business: a bad one is written as it is, and not read back
        assertThat(Fqn.tenant("tse", "t/x")).hasToString("organizations/tse/tenants/t/x");
        assertThat(Fqn.tryParse("organizations/tse/tenants/t/x", Level.TENANT)).isEmpty();
        assertThatThrownBy(() -> Fqn.tenant(null, "t")).hasMessage("the organization name is missing");
        assertThatThrownBy(() -> new Fqn("tse", "t", null, null, null, null, null, "e"))
                .hasMessageContaining("an extension's FQN names only its organization");
    }

    @Test
    void theNameOfABrokenReferenceStillShows() {
        assertThat(Fqn.nameOf("organizations/tse/extensions/wasm-auth")).isEqualTo("wasm-auth");
        assertThat(Fqn.nameOf("somewhere/else/thing")).isEqualTo("thing");
        assertThat(Fqn.nameOf(null)).isEmpty();
    }

    @Test
    void aTenantFqnWithBadNamesIsStillReadAsWrittenForItsValidatorToJudge() {
        assertThat(Fqn.tenantOf("organizations/tse/tenants/t1")).isEqualTo(Fqn.tenant("tse", "t1"));
        Fqn bad = Fqn.tenantOf(Fqn.tenant("tse", "a/b").toString());
        assertThat(bad.organization()).isEqualTo("tse");
        assertThat(bad.tenant()).isEqualTo("a/b");
        assertThat(Fqn.tenantOf("organizations//tenants/x").organization()).isEmpty();
        assertThatThrownBy(() -> Fqn.tenantOf("tenants/x")).hasMessageContaining("is not a tenant FQN");
        assertThatThrownBy(() -> Fqn.tenantOf(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
