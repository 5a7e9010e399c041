package org.wasmconsole.artifact;

/** The headline of a module check. */
public enum ModuleStatus {
    /** Never checked since the url was set. */
    UNCHECKED,
    /** A proxy-wasm module the proxy can load as an HTTP filter. */
    OK,
    /** Loadable, with warnings. */
    WARNING,
    /** Fetched, but not a module the proxy can load as an HTTP filter (the problems say why). */
    INVALID,
    /** Could not be fetched: unknown repository or tag, refused, unreachable, too slow or too large. */
    UNREACHABLE,
    /** A {@code file://} url: the file is on each proxy, out of the console's reach. */
    UNCHECKABLE
}
