package org.wasmconsole.attachment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TopologyCounts;
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
        assertThat(TopologyText.contents(new TopologyCounts(2, 0, 5))).isEqualTo("2 gateways and their 5 attachments");
        assertThat(TopologyText.contents(new TopologyCounts(0, 1, 0))).isEqualTo("1 security setting (no attachments)");
        assertThat(TopologyText.contents(new TopologyCounts(1, 0, 2))).isEqualTo("1 gateway and its 2 attachments");
        assertThat(TopologyText.contents(new TopologyCounts(1, 2, 1)))
                .isEqualTo("1 gateway, 2 security settings and their 1 attachment");
        assertThat(TopologyText.targetCounts(new TopologyCounts(2, 1, 5))).isEqualTo("2 gateways · 1 security setting");
        assertThat(TopologyText.targetCounts(new TopologyCounts(0, 3, 0))).isEqualTo("3 security settings");
        assertThat(TopologyText.targetCounts(TopologyCounts.NONE)).isEqualTo("0 gateways");
    }
}
