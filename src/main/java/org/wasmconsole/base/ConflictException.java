package org.wasmconsole.base;

/** The write was based on an outdated version (stale etag) or collides with existing data. */
public class ConflictException extends RuntimeException {

    private final String path;

    public ConflictException(String message) {
        this(null, message);
    }

    /** @param path the field that collides (e.g. {@code metadata.name}), or null for the whole resource */
    public ConflictException(String path, String message) {
        super(message);
        this.path = path;
    }

    public String path() {
        return path;
    }
}
