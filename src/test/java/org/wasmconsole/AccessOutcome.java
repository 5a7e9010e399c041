package org.wasmconsole;

import static org.assertj.core.api.Assertions.assertThat;

import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.yaml.DocumentException;

/** What the access matrices accept from a call that security let through. */
public final class AccessOutcome {

    private AccessOutcome() {
    }

    /**
     * An allowed call may still be refused by a rule of its method (the matrices pass harmless
     * arguments: names that do not exist, invalid names), and only by one: anything else, a
     * NullPointerException or an access refusal, is a failure rather than "allowed".
     */
    public static void assertAllowed(Throwable thrown) {
        if (thrown != null) {
            assertThat(thrown)
                    .as("an allowed call may only be refused by a rule (validation, not found, conflict)")
                    .isInstanceOfAny(ValidationException.class, NotFoundException.class, ConflictException.class,
                            DocumentException.class);
        }
    }
}
