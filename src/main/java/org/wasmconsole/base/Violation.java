package org.wasmconsole.base;

/**
 * One broken rule, located by its path in the document's own terms
 * (for example {@code spec.vmConfig.env[1].name}), with a message that says how to fix it.
 */
public record Violation(String path, String message) {

    @Override
    public String toString() {
        return path + ": " + message;
    }
}
