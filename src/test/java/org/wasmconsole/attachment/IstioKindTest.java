package org.wasmconsole.attachment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The organization's Istio kind (console.istio.kind): WasmPlugin unless set, refused when unknown. */
class IstioKindTest {

    private static AttachmentService withSetting(String kind) {
        return new AttachmentService(null, null, null, null, null, null, null, null, null, kind);
    }

    @Test
    void theSettingNamesTheKindAsDocumentsWriteIt() {
        assertThat(withSetting("WasmPlugin").defaultIstioKind()).isEqualTo(IstioKind.WASM_PLUGIN);
        assertThat(withSetting("TrafficExtension").defaultIstioKind()).isEqualTo(IstioKind.TRAFFIC_EXTENSION);
    }

    @Test
    void anUnknownKindStopsTheStartWithTheFix() {
        assertThatThrownBy(() -> withSetting("EnvoyFilter")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("console.istio.kind is 'EnvoyFilter'; use WasmPlugin or TrafficExtension");
    }
}
