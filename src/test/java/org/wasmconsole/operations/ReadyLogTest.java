package org.wasmconsole.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReadyLogTest {

    @Test
    void urlHasThePortAndTheContextPathAndEndsWithASlash() {
        assertThat(ReadyLog.url(8080, "")).isEqualTo("http://localhost:8080/");
        assertThat(ReadyLog.url(41234, null)).isEqualTo("http://localhost:41234/");
        assertThat(ReadyLog.url(8080, "/console")).isEqualTo("http://localhost:8080/console/");
        assertThat(ReadyLog.url(8080, "/console/")).isEqualTo("http://localhost:8080/console/");
    }
}
