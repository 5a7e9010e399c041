package org.wasmconsole.attachment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The Istio resource an attachment becomes (spec §6): {@code WasmPlugin}, the default, or Istio
 * 1.30's {@code TrafficExtension} (same apiVersion, the Wasm fields under {@code spec.wasm}).
 */
public enum IstioKind {
    WASM_PLUGIN("WasmPlugin"),
    TRAFFIC_EXTENSION("TrafficExtension");

    private final String kind;

    IstioKind(String kind) {
        this.kind = kind;
    }

    /** As written in the document's {@code kind}, and accepted as the API's {@code ?kind=}. */
    public String kind() {
        return kind;
    }

    public static Optional<IstioKind> ofKind(String kind) {
        return Arrays.stream(values()).filter(k -> k.kind.equals(kind)).findFirst();
    }
}
