package org.wasmconsole.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;

/** Form login through the console's login view; services are guarded by method security too. */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** The route of the login view (security.ui.LoginView); a string keeps this class free of UI code. */
    static final String LOGIN_ROUTE = "login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http) throws Exception {
        return http
                // The console's own browser code (frontend/) and the CodeMirror WebJar: Vaadin's
                // configurer denies every path it does not know, even to signed-in users.
                .authorizeHttpRequests(a -> a.requestMatchers("/frontend/**", "/webjars/**").authenticated())
                .with(VaadinSecurityConfigurer.vaadin(), c -> c.loginView("/" + LOGIN_ROUTE))
                .build();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
