package org.wasmconsole.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Modules built from the WAT beside them in src/test/resources/modules, judged as Envoy's proxy-wasm host would. */
class WasmInspectorTest {

    @Test
    void aProxyWasmHttpFilterHasItsAbiExportsAndImportsAndNoProblem() {
        WasmInspector.Inspection i = WasmInspector.inspect(TestRegistry.module("filter.wasm"));

        assertThat(i.abiVersion()).isEqualTo("0.2.1");
        assertThat(i.exports()).containsExactly("memory", "proxy_abi_version_0_2_1", "proxy_on_memory_allocate",
                "proxy_on_context_create", "proxy_on_request_headers");
        assertThat(i.imports()).containsExactly("env.proxy_log");
        assertThat(i.problems()).isEmpty();
    }

    @Test
    void aWasmModuleThatIsNoProxyWasmFilterIsFlaggedWithEveryReason() {
        WasmInspector.Inspection i = WasmInspector.inspect(TestRegistry.module("not-proxy-wasm.wasm"));

        assertThat(i.abiVersion()).isNull();
        assertThat(i.problems()).extracting(Problem::severity).containsOnly(Problem.Severity.ERROR);
        assertThat(i.problems()).extracting(Problem::message).anySatisfy(m ->
                assertThat(m).contains("imports host.now, but the proxy provides only env and WASI"))
                .anySatisfy(m -> assertThat(m).contains("exports no proxy_abi_version_* function"))
                .anySatisfy(m -> assertThat(m).contains("does not export its memory"));
    }

    @Test
    void bytesThatAreNoWasmAtAllSayWhatTheyStartWith() {
        WasmInspector.Inspection i = WasmInspector.inspect("{\"not\": \"wasm\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(i.problems()).singleElement().satisfies(p -> {
            assertThat(p.severity()).isEqualTo(Problem.Severity.ERROR);
            assertThat(p.message()).contains("not a Wasm module").contains("starts with \"{\"not\": \"wasm\"}\"");
        });
    }

    @Test
    void aTruncatedModuleIsInvalidNotACrash() {
        byte[] module = TestRegistry.module("filter.wasm");
        byte[] truncated = java.util.Arrays.copyOf(module, module.length / 2);

        WasmInspector.Inspection i = WasmInspector.inspect(truncated);

        assertThat(i.problems()).singleElement().satisfies(p ->
                assertThat(p.message()).startsWith("not a valid Wasm module"));
    }
}
