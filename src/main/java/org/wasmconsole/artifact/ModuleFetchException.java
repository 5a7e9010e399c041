package org.wasmconsole.artifact;

/** A module could not be fetched: the message says why in words for the user (no stack trace, no secrets). */
public class ModuleFetchException extends RuntimeException {

    private final boolean notLoadable;

    public ModuleFetchException(String message) {
        this(message, false);
    }

    private ModuleFetchException(String message, boolean notLoadable) {
        super(message);
        this.notLoadable = notLoadable;
    }

    /** The artifact was read, and is not one a proxy can load (wrong layout, no plugin.wasm, broken layer). */
    static ModuleFetchException notLoadable(String message) {
        return new ModuleFetchException(message, true);
    }

    /** True when the artifact itself is wrong, false when it could not be reached or read. */
    boolean notLoadable() {
        return notLoadable;
    }
}
