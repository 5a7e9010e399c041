package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;

/** The screens' security headers, as any HTTP client sees them (the browser test checks the CSP in use). */
@ConsoleTest
class SecurityHeadersTest {

    @LocalServerPort
    int port;

    @Test
    void theLoginPageSendsTheSecurityHeaders() throws Exception {
        HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/login")).build(), HttpResponse.BodyHandlers.ofString());
        Map<String, List<String>> headers = page.headers().map();

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).as(headers.toString()).get().asString()
                .contains("default-src 'self'", "img-src 'self' data: blob:;", "object-src 'none'",
                        "frame-ancestors 'self'", "form-action 'self'");
        assertThat(page.headers().firstValue("X-Content-Type-Options")).as(headers.toString()).contains("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).as(headers.toString()).contains("same-origin");
        assertThat(page.headers().firstValue("Cache-Control")).as(headers.toString()).get().asString()
                .contains("no-store");
        assertThat(page.headers().firstValue("X-Frame-Options")).isPresent();
    }
}
