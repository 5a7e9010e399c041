package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The filter chain is ordered as Istio orders WasmPlugins (istio/istio at 86c9f01f):
 * phases AUTHN, AUTHZ, STATS, UNSPECIFIED_PHASE ({@code pilot/pkg/networking/core/listener_builder.go});
 * priority highest first, a stable sort ({@code pilot/pkg/model/push_context.go sortByPriority}) over a
 * list sorted by creation time, then name ({@code pilot/pkg/model/config.go configCompareByCreationTime}).
 */
class FilterChainTest {

    static final GatewayTarget GATEWAY = new GatewayTarget(TargetKind.INGRESS_GATEWAY, "organizations/tse/tenants/t1",
            "w1", "g1", "gw", "payments", Map.of("app", "gw"));

    static FilterChain.Entry entry(String name, PluginPhase phase, int priority) {
        return entry(name, phase, priority, Attachment.of("organizations/tse/extensions/" + name));
    }

    static FilterChain.Entry entry(String name, PluginPhase phase, int priority, Attachment attachment) {
        ExtensionDefinition d = ExtensionDefinition.builder().organization("tse").name(name)
                .url("oci://docker.io/example/" + name + ":1.0").phase(phase).priority(priority).build();
        return new FilterChain.Entry(d, attachment, "this Ingress Gateway", "fqn");
    }

    @Test
    void phasesRunInEnvoysOrderAndHigherPriorityFirstWithinAPhase_asIstioSortsThem() {
        FilterChain chain = FilterChain.of(GATEWAY, List.of(
                entry("late", PluginPhase.UNSPECIFIED_PHASE, 5000),
                entry("stats", PluginPhase.STATS, 0),
                entry("authz-low", PluginPhase.AUTHZ, -10),
                entry("authz-high", PluginPhase.AUTHZ, 100),
                entry("authn", PluginPhase.AUTHN, Integer.MIN_VALUE)));

        assertThat(chain.rows()).extracting(FilterChain.Row::extensionName)
                .containsExactly("authn", "authz-high", "authz-low", "stats", "late");
        assertThat(chain.rows()).extracting(FilterChain.Row::position).containsExactly(1, 2, 3, 4, 5);
        assertThat(chain.hasTies()).isFalse();
    }

    @Test
    void equalPhaseAndPriorityIsATie_listedByWasmPluginNameAsIstioDoesForEqualCreationTimes() {
        FilterChain chain = FilterChain.of(GATEWAY, List.of(
                entry("zeta", PluginPhase.AUTHZ, 10),
                entry("alpha", PluginPhase.AUTHZ, 10),
                entry("other", PluginPhase.AUTHZ, 11)));

        // Names end in a hash of the attachment's identity (WasmPluginNames); the readable part shows the order.
        assertThat(chain.rows()).extracting(row -> row.wasmPlugin().replaceFirst("-[0-9a-f]{10}$", ""))
                .containsExactly("igw-gw-other", "igw-gw-alpha", "igw-gw-zeta");
        assertThat(chain.rows()).extracting(FilterChain.Row::tie).containsExactly(false, true, true);
        assertThat(chain.hasTies()).isTrue();
    }

    @Test
    void eachRowSaysItsEffectiveConfigModePortsAndPullPolicy() {
        var config = JsonMapper.builder().build().readTree("{\"header\": \"x-gw\"}");
        FilterChain chain = FilterChain.of(GATEWAY, List.of(
                entry("own", PluginPhase.AUTHN, 1, new Attachment("organizations/tse/extensions/own", config,
                        List.of(MatchSelector.of(WorkloadMode.CLIENT, 8443)))),
                entry("plain", PluginPhase.AUTHN, 0)));

        FilterChain.Row own = chain.rows().get(0);
        assertThat(own.config()).isEqualTo(config);
        assertThat(own.configFromAttachment()).isTrue();
        assertThat(own.match()).containsExactly(MatchSelector.of(WorkloadMode.CLIENT, 8443));
        assertThat(own.matchFromAttachment()).isTrue();
        FilterChain.Row plain = chain.rows().get(1);
        assertThat(plain.config()).isNull();
        assertThat(plain.configFromAttachment()).isFalse();
        assertThat(plain.match()).as("an extension without match runs on client and server")
                .containsExactly(MatchSelector.of(WorkloadMode.CLIENT_AND_SERVER));
        assertThat(plain.pullPolicy()).isEqualTo(PullPolicy.IF_NOT_PRESENT);
        assertThat(plain.source()).isEqualTo("this Ingress Gateway");
    }
}
