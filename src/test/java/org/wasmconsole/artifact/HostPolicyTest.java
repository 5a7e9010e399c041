package org.wasmconsole.artifact;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostPolicyTest {

    private final HostPolicy strict = new HostPolicy(List.of());

    @Test
    void loopbackLinkLocalMetadataAndUnspecifiedAddressesAreRefusedByDefault() {
        assertThatThrownBy(() -> strict.check(URI.create("http://127.0.0.1:5000/v2/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check(URI.create("http://localhost/v2/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check(URI.create("http://[::1]/v2/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> strict.check(URI.create("http://169.254.169.254/latest/")))
                .hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check(URI.create("http://[fe80::1]/"))).hasMessageContaining("link-local");
        assertThatThrownBy(() -> strict.check(URI.create("http://100.100.100.200/"))).hasMessageContaining("metadata");
        assertThatThrownBy(() -> strict.check(URI.create("http://metadata.google.internal/")))
                .hasMessageContaining("metadata");
        assertThatThrownBy(() -> strict.check(URI.create("http://0.0.0.0:8080/"))).hasMessageContaining("unspecified");
        assertThatThrownBy(() -> strict.check(URI.create("http://[::ffff:127.0.0.1]/"))).hasMessageContaining("loopback");
    }

    @Test
    void theErrorSaysHowToAllowAHost() {
        assertThatThrownBy(() -> strict.check(URI.create("http://127.0.0.1:5000/")))
                .hasMessageContaining("console.modules.allowed-hosts (CONSOLE_MODULES_ALLOWED_HOSTS)");
    }

    @Test
    void anAllowedHostIsFetchedOnAnyPortAndAnAllowedHostAndPortOnlyOnThatPort() {
        HostPolicy hostAllowed = new HostPolicy(List.of("127.0.0.1"));
        HostPolicy portAllowed = new HostPolicy(List.of("localhost:5000"));

        assertThatCode(() -> hostAllowed.check(URI.create("http://127.0.0.1:5000/"))).doesNotThrowAnyException();
        assertThatCode(() -> hostAllowed.check(URI.create("http://127.0.0.1:6000/"))).doesNotThrowAnyException();
        assertThatCode(() -> portAllowed.check(URI.create("http://localhost:5000/"))).doesNotThrowAnyException();
        assertThatThrownBy(() -> portAllowed.check(URI.create("http://localhost:5001/"))).hasMessageContaining("loopback");
        assertThatThrownBy(() -> portAllowed.check(URI.create("http://127.0.0.1:5000/"))).hasMessageContaining("loopback");
    }

    @Test
    void onlyHttpAndHttpsAreFetched() {
        assertThatThrownBy(() -> strict.check(URI.create("file:///etc/passwd"))).hasMessageContaining("only http and https");
        assertThatThrownBy(() -> strict.check(URI.create("ftp://example.com/x.wasm"))).hasMessageContaining("only http");
    }

    @Test
    void anUnknownHostIsAClearError() {
        assertThatThrownBy(() -> strict.check(URI.create("https://no-such-host.invalid/x.wasm")))
                .hasMessageContaining("no-such-host.invalid is unknown");
    }
}
