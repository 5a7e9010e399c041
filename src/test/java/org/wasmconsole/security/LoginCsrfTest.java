package org.wasmconsole.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;

/**
 * Login CSRF: a page on another site that POSTs a user name and password to /login must not sign
 * the visitor's browser in (as the attacker, whose session the victim would then use). The login
 * page's own form sends the CSRF token that the page carries.
 */
@ConsoleTest
class LoginCsrfTest {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    @LocalServerPort
    int port;

    HttpClient browser() {
        return HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    HttpResponse<String> postLogin(HttpClient browser, String extraField) throws Exception {
        String form = "username=admin&password=" + URLEncoder.encode(ConsoleTest.ADMIN_PASSWORD, StandardCharsets.UTF_8)
                + extraField;
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Origin", "https://attacker.example")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    int statusOfHome(HttpClient browser) throws Exception {
        return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/users")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void aCrossSitePostToLoginWithoutTheTokenDoesNotSignIn() throws Exception {
        HttpClient victim = browser();

        HttpResponse<String> answer = postLogin(victim, "");

        // Refused (Vaadin's access-denied handler sends a refused CSRF check back to the login page).
        assertThat(answer.statusCode()).isIn(302, 403);
        assertThat(answer.headers().firstValue("Location").orElse("/login")).contains("/login");
        assertThat(statusOfHome(victim)).as("still signed out: the screens send to the login page").isEqualTo(302);
    }

    @Test
    void theLoginPagesOwnFormCarriesTheTokenAndSignsIn() throws Exception {
        HttpClient user = browser();
        String page = user.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String parameter = null;
        String token = null;
        for (Matcher m = META.matcher(page); m.find(); ) {
            if (m.group(1).equals("_csrf_parameter")) {
                parameter = m.group(2);
            } else {
                token = m.group(2);
            }
        }
        assertThat(parameter).as("the page names the token's form field (vaadin-login-form sends it)").isNotBlank();
        assertThat(token).isNotBlank();

        HttpResponse<String> answer = postLogin(user, "&" + parameter + "=" + URLEncoder.encode(token,
                StandardCharsets.UTF_8));

        assertThat(answer.statusCode()).isEqualTo(302);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).doesNotContain("login");
        assertThat(statusOfHome(user)).isEqualTo(200);
    }
}
