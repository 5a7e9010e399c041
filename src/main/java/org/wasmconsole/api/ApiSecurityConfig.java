package org.wasmconsole.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The API for automation: HTTP Basic with the console's users on every request, no session, no
 * CSRF (nothing rides on a browser's cookies here). Roles and tenant scoping are the services'.
 * Comes before the screens' filter chain, which matches every other path.
 */
@Configuration
class ApiSecurityConfig {

    static final String REALM = "Wasm Extension Console API";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher("/api/**", "/v3/api-docs/**", "/v3/api-docs.yaml")
                .authorizeHttpRequests(a -> a
                        // The API's description is public, like any API reference.
                        .requestMatchers("/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .anyRequest().authenticated())
                .httpBasic(b -> b.realmName(REALM).authenticationEntryPoint(ApiSecurityConfig::unauthorized))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ApiSecurityConfig::unauthorized)
                        .accessDeniedHandler((request, response, denied) ->
                                write(response, request, HttpStatus.FORBIDDEN, "forbidden", "your role does not allow this")))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .requestCache(c -> c.disable())
                .build();
    }

    /**
     * A request the firewall refuses (a ';' or an encoded '/' in the path, ...) is a 400: a problem for
     * the API, plain text elsewhere; not a redirect to the HTML login page.
     */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return (request, response, rejected) -> {
            if (response.isCommitted()) {
                return;
            }
            String detail = "the request was refused: " + rejected.getMessage();
            if (request.getRequestURI().startsWith("/api/")) {
                write(response, request, HttpStatus.BAD_REQUEST, "rejected-request", detail);
            } else {
                response.setStatus(HttpStatus.BAD_REQUEST.value());
                response.setContentType("text/plain;charset=UTF-8");
                response.getOutputStream().write(detail.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
        };
    }

    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
                                     org.springframework.security.core.AuthenticationException e) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"" + REALM + "\"");
        write(response, request, HttpStatus.UNAUTHORIZED, "unauthorized",
                "sign in with HTTP Basic and a console user's name and password");
    }

    private static void write(HttpServletResponse response, HttpServletRequest request, HttpStatus status,
                              String type, String detail) throws IOException {
        // a filter answers before Spring MVC: the one place a problem is written by hand (ApiErrors.write)
        ApiErrors.write(response, request, status, type, detail);
    }
}
