package org.wasmconsole.attachment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.extension.WorkloadMode;

/** The one-line forms of the topology screens, and where the service's paths point in a dialog. */
class TopologyTextTest {

    @Test
    void labelsReadAsKeyValuePairsAndSayWhatIsWrong() {
        assertThat(TopologyText.parseLabels(" app=ingress, version = v1 ").labels())
                .containsExactly(Map.entry("app", "ingress"), Map.entry("version", "v1"));
        assertThat(TopologyText.parseLabels("app: ingress").labels()).containsEntry("app", "ingress");
        assertThat(TopologyText.parseLabels("").labels()).isEmpty();
        assertThat(TopologyText.parseLabels("app=a, ingress").error()).startsWith("'ingress' has no '='");
        assertThat(TopologyText.parseLabels("=x").error()).contains("has no key");
        assertThat(TopologyText.parseLabels("app=a, app=b").error()).contains("label 'app' is given twice");
        assertThat(TopologyText.labels(new java.util.TreeMap<>(Map.of("b", "2", "a", "1")))).isEqualTo("a=1, b=2");
    }

    @Test
    void portsReadFromCommasOrSpaces() {
        assertThat(TopologyText.parsePorts("8080, 8443 :9090").ports()).containsExactly(8080, 8443, 9090);
        assertThat(TopologyText.parsePorts(" ").ports()).isEmpty();
        assertThat(TopologyText.parsePorts("8080, http").error()).startsWith("'http' is not a port number");
        // Out of range is the service's to say, at the exact port.
        assertThat(TopologyText.parsePorts("0, 70000").ports()).containsExactly(0, 70000);
    }

    @Test
    void matchSummaries() {
        assertThat(TopologyText.matchSummary(Attachment.of("organizations/tse/extensions/a")))
                .isEqualTo("extension's match");
        assertThat(TopologyText.matchSummary(new Attachment("organizations/tse/extensions/a", null, List.of(
                MatchSelector.of(WorkloadMode.CLIENT, 8080, 8443), MatchSelector.of(WorkloadMode.CLIENT_AND_SERVER)))))
                .isEqualTo("CLIENT :8080, :8443; CLIENT_AND_SERVER (all ports)");
    }

    @Test
    void violationPathsPointAtTheAttachmentsFields() {
        var port = TopologyText.attachmentPath("spec.extension[2].match[0].ports[1].number").orElseThrow();
        assertThat(port.index()).isEqualTo(2);
        assertThat(port.selector().orElseThrow()).containsExactly(0, 1);
        assertThat(port.isSelectorMode()).isFalse();
        var mode = TopologyText.attachmentPath("spec.extension[0].match[3].mode").orElseThrow();
        assertThat(mode.isSelectorMode()).isTrue();
        assertThat(mode.selector().orElseThrow()).containsExactly(3, -1);
        assertThat(TopologyText.attachmentPath("spec.extension[1].config").orElseThrow().rest()).isEqualTo("config");
        assertThat(TopologyText.attachmentPath("spec.workloadSelector.namespace")).isEmpty();
    }

    @Test
    void fieldMessagesReadAsSentences() {
        assertThat(TopologyText.fieldMessage("Namespace", "is required")).isEqualTo("Namespace is required");
        assertThat(TopologyText.fieldMessage("Label version", "'v 1' is not a label value"))
                .isEqualTo("Label version: 'v 1' is not a label value");
        assertThat(TopologyText.fieldMessage("Extension", "extension 'x' is not allowed"))
                .isEqualTo("Extension 'x' is not allowed");
    }

    @Test
    void deleteConfirmationsCountWhatGoesWithIt() {
        String tenant = "organizations/tse/tenants/red";
        StoredTarget gw = target(new TargetRef(TargetKind.INGRESS_GATEWAY, tenant, "w", "g", "a"), 2);
        StoredTarget gw2 = target(new TargetRef(TargetKind.EGRESS_GATEWAY, tenant, "w", "g", "b"), 3);
        StoredTarget setting = target(new TargetRef(TargetKind.SECURITY_SETTING, tenant, "w", "s", "c"), 0);
        assertThat(TopologyText.contents(List.of(gw, gw2))).isEqualTo("2 gateways and their 5 attachments");
        assertThat(TopologyText.contents(List.of(setting))).isEqualTo("1 security setting (no attachments)");
        assertThat(TopologyText.contents(List.of(gw))).isEqualTo("1 gateway and its 2 attachments");
        assertThat(TopologyText.targetCounts(List.of(gw, gw2, setting))).isEqualTo("2 gateways · 1 security setting");
        assertThat(TopologyText.targetCounts(List.of())).isEqualTo("0 gateways");
    }

    private static StoredTarget target(TargetRef ref, int attachments) {
        List<Attachment> list = java.util.stream.IntStream.range(0, attachments)
                .mapToObj(i -> Attachment.of("organizations/tse/extensions/e" + i)).toList();
        return new StoredTarget(new TargetDefinition(ref, null, "ns", Map.of(), list), "etag", null, "admin");
    }
}
