package org.wasmconsole.artifact;

/** A module could not be fetched: the message says why in words for the user (no stack trace, no secrets). */
public class ModuleFetchException extends RuntimeException {

    public ModuleFetchException(String message) {
        super(message);
    }

    public ModuleFetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
