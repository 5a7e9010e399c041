package org.wasmconsole.artifact;

import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.Export;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a module with Chicory's parser and judges it the way Envoy's proxy-wasm host
 * (proxy-wasm-cpp-host) loads it: the ABI version comes from an exported function named
 * {@code proxy_abi_version_<x>_<y>_<z>}; the module must export its {@code memory} and an allocator
 * ({@code proxy_on_memory_allocate}, or {@code malloc} in ABI 0.1); every import must be one the host
 * provides ({@code env.proxy_*} and WASI), else loading fails on a missing import. An HTTP filter needs
 * {@code proxy_on_context_create} and at least one HTTP callback to do anything.
 */
final class WasmInspector {

    static final List<String> KNOWN_ABIS = List.of("0.1.0", "0.2.0", "0.2.1");
    private static final String ABI_PREFIX = "proxy_abi_version_";
    private static final Set<String> HOST_MODULES = Set.of("env", "wasi_snapshot_preview1", "wasi_unstable");
    private static final List<String> HTTP_CALLBACKS = List.of("proxy_on_request_headers", "proxy_on_request_body",
            "proxy_on_request_trailers", "proxy_on_response_headers", "proxy_on_response_body",
            "proxy_on_response_trailers", "proxy_on_http_call_response");

    /** What the module says about itself. */
    record Inspection(String abiVersion, List<String> exports, List<String> imports, List<Problem> problems) {
    }

    private WasmInspector() {
    }

    static Inspection inspect(byte[] bytes) {
        if (bytes.length < 8 || bytes[0] != 0 || bytes[1] != 'a' || bytes[2] != 's' || bytes[3] != 'm') {
            return new Inspection(null, List.of(), List.of(), List.of(Problem.error("not a Wasm module: it does not"
                    + " start with the Wasm magic bytes (\\0asm)" + startsWith(bytes))));
        }
        WasmModule module;
        try {
            module = Parser.parse(bytes);
        } catch (ChicoryException | IllegalArgumentException | IndexOutOfBoundsException e) {
            return new Inspection(null, List.of(), List.of(), List.of(Problem.error("not a valid Wasm module: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()))));
        }
        List<String> functions = new ArrayList<>();
        List<String> exports = new ArrayList<>();
        var exportSection = module.exportSection();
        for (int i = 0; i < exportSection.exportCount(); i++) {
            Export e = exportSection.getExport(i);
            exports.add(e.name());
            if (e.exportType() == ExternalType.FUNCTION) {
                functions.add(e.name());
            }
        }
        List<String> imports = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        var importSection = module.importSection();
        for (int i = 0; i < importSection.importCount(); i++) {
            Import imp = importSection.getImport(i);
            String name = imp.module() + "." + imp.name();
            imports.add(name);
            if (!HOST_MODULES.contains(imp.module())) {
                problems.add(Problem.error("imports " + name + ", but the proxy provides only env and WASI:"
                        + " loading fails on the missing import"));
            } else if (imp.module().equals("env") && !imp.name().startsWith("proxy_")) {
                problems.add(Problem.error("imports " + name + ", which is not a proxy-wasm host function:"
                        + " loading fails on the missing import"));
            }
        }
        String abi = abiVersion(functions, problems);
        if (!exports.contains("memory")) {
            problems.add(Problem.error("does not export its memory (\"memory\"): the proxy cannot exchange data with it"));
        }
        if (abi != null && !functions.contains("proxy_on_memory_allocate") && !functions.contains("malloc")) {
            problems.add(Problem.error("exports no allocator (proxy_on_memory_allocate or malloc): the proxy cannot"
                    + " hand it any data"));
        }
        if (abi != null && !functions.contains("proxy_on_context_create")) {
            problems.add(Problem.error("does not export proxy_on_context_create: the proxy cannot create its"
                    + " HTTP filter contexts"));
        }
        if (abi != null && HTTP_CALLBACKS.stream().noneMatch(functions::contains)) {
            problems.add(Problem.warning("exports no HTTP callback (" + String.join(", ", HTTP_CALLBACKS.subList(0, 4))
                    + ", …): as an HTTP filter it would see no request"));
        }
        return new Inspection(abi, List.copyOf(exports), List.copyOf(imports), List.copyOf(problems));
    }

    private static String abiVersion(List<String> functions, List<Problem> problems) {
        List<String> versions = functions.stream().filter(f -> f.startsWith(ABI_PREFIX))
                .map(f -> f.substring(ABI_PREFIX.length()).replace('_', '.')).toList();
        if (versions.isEmpty()) {
            problems.add(Problem.error("exports no proxy_abi_version_* function: not a proxy-wasm module, the proxy"
                    + " refuses to load it"));
            return null;
        }
        String version = versions.getFirst();
        if (versions.size() > 1) {
            problems.add(Problem.error("exports several ABI versions " + versions + ": the proxy cannot tell which"
                    + " one it speaks"));
        } else if (!KNOWN_ABIS.contains(version)) {
            problems.add(Problem.error("speaks proxy-wasm ABI " + version + ", which Envoy does not know (it knows "
                    + String.join(", ", KNOWN_ABIS) + ")"));
        }
        return version;
    }

    private static String startsWith(byte[] bytes) {
        if (bytes.length == 0) {
            return "; it is empty";
        }
        String head = new String(bytes, 0, Math.min(bytes.length, 16), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replaceAll("[^\\x20-\\x7e]", ".");
        return "; it starts with \"" + head + "\"";
    }
}
