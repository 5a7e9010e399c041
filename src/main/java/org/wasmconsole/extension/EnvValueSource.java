package org.wasmconsole.extension;

/** Where an environment variable of the Wasm VM takes its value from. */
public enum EnvValueSource {
    /** The value written in the extension. */
    INLINE,
    /** The proxy's own environment variable of the same name. */
    HOST
}
