package org.wasmconsole.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator endpoints, for monitoring tools rather than browsers: health is public (its
 * components and details only for platform admins, see application.properties), everything else
 * needs a platform admin signed in with HTTP Basic against the console's users (wrong passwords
 * count towards the login lock like on the login page). Stateless: no session, so no CSRF token
 * and no redirect to the login view, just 401/403 without a body.
 * Order 2: after the REST API's chain (order 1) and before Vaadin's catch-all chain in
 * {@link SecurityConfig}, which has no matcher and must come last.
 */
@Configuration
class ActuatorSecurityConfig {

    @Bean
    @Order(2)
    SecurityFilterChain actuatorSecurityFilterChain(HttpSecurity http) throws Exception {
        return http
                .securityMatcher(EndpointRequest.toAnyEndpoint())
                .authorizeHttpRequests(a -> a
                        // Anonymous callers get the overall status only (show-components=when-authorized).
                        .requestMatchers(EndpointRequest.to(HealthEndpoint.class)).permitAll()
                        .anyRequest().hasRole(Roles.ADMIN))
                .httpBasic(b -> b.authenticationEntryPoint(ActuatorSecurityConfig::unauthorized))
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(ActuatorSecurityConfig::unauthorized)
                        .accessDeniedHandler((request, response, denied) -> response.setStatus(HttpServletResponse.SC_FORBIDDEN)))
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .build();
    }

    /**
     * 401 with the Basic challenge, set as a plain status: Spring Security's defaults call
     * sendError, whose ERROR dispatch to /error then goes through the catch-all Vaadin chain and
     * turns into a redirect to the login view, useless to a monitoring tool.
     */
    private static void unauthorized(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException cause) {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Wasm Extension Console\"");
        response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    }
}
