package org.wasmconsole.base;

/**
 * The resource does not exist, or the caller may not see it: both read the same,
 * so that an error never reveals what a caller is not allowed to know.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " was not found");
    }
}
