package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * One extension switched on in a gateway or security setting (an item of the {@code extension}
 * list, spec §5).
 *
 * @param fqn    {@code organizations/<org>/extensions/<name>} of the attached extension
 * @param config replaces the extension's {@code spec.config} for this attachment when not null
 *               (an empty mapping included: it replaces the config with nothing)
 * @param match  overrides the extension's {@code spec.match} when not empty; traffic passes if any
 *               selector matches
 */
public record Attachment(String fqn, JsonNode config, List<MatchSelector> match) {

    public Attachment {
        // Not List.copyOf: a null selector is the validator's to report, not a crash here.
        match = match == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(match));
    }

    /** The extension attached as it is: its own config and match. */
    public static Attachment of(String fqn) {
        return new Attachment(fqn, null, List.of());
    }

    public boolean overridesConfig() {
        return config != null && !config.isNull();
    }

    public boolean overridesMatch() {
        return !match.isEmpty();
    }
}
