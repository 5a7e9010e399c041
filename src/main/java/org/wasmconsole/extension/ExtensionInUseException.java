package org.wasmconsole.extension;

import java.util.List;
import org.wasmconsole.base.ConflictException;

/**
 * A delete or {@code allowedIn} change refused because the extension is attached where the change
 * would leave it invalid. {@link #places()} lists those attachments (their target FQNs).
 */
public class ExtensionInUseException extends ConflictException {

    private final List<String> places;

    public ExtensionInUseException(String path, String message, List<String> places) {
        super(path, message);
        this.places = List.copyOf(places);
    }

    public List<String> places() {
        return places;
    }
}
