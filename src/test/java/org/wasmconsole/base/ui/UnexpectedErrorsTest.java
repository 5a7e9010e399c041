package org.wasmconsole.base.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;

class UnexpectedErrorsTest {

    @Test
    void aLostRaceSaysNothingWasSavedEvenWhenWrapped() {
        RuntimeException wrapped = new RuntimeException("listener failed",
                new ObjectOptimisticLockingFailureException("WasmExtension", 7L));
        assertThat(UnexpectedErrors.message(wrapped)).startsWith("Someone else changed the same thing")
                .contains("nothing was saved");
    }

    @Test
    void aRefusedRoleSaysSo() {
        assertThat(UnexpectedErrors.message(new AccessDeniedException("no"))).isEqualTo("Your role does not allow this.");
    }

    @Test
    void anythingElseGivesAReferenceAndNoInternals() {
        String message = UnexpectedErrors.message(new IllegalStateException("secret internal detail"));
        assertThat(message).matches("Something went wrong and the action did not finish\\. The server log has the"
                + " details under reference [0-9a-f]{8}\\.").doesNotContain("secret", "IllegalState");
    }
}
