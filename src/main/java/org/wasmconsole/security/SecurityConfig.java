package org.wasmconsole.security;

import com.vaadin.flow.spring.security.RequestUtil;
import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.authentication.ExceptionMappingAuthenticationFailureHandler;

/**
 * Form login through the console's login view, and sign-in through the OIDC provider when one is
 * configured ({@link OidcLogin}); services are guarded by method security too.
 */
@Configuration
@EnableWebSecurity
@EnableMethodSecurity(jsr250Enabled = true)
class SecurityConfig {

    /** The route of the login view (security.ui.LoginView); a string keeps this class free of UI code. */
    static final String LOGIN_ROUTE = "login";

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, RequestUtil vaadinRequests, SecurityStamps stamps,
            @Value("${console.security.image-hosts:}") List<String> imageHosts,
            ObjectProvider<OidcLogin> oidc) throws Exception {
        OidcLogin sso = oidc.getIfAvailable();
        if (sso != null) {
            sso.configure(http);
        }
        return http
                // The console's own browser code (frontend/) and the CodeMirror WebJar: Vaadin's
                // configurer denies every path it does not know, even to signed-in users.
                .authorizeHttpRequests(a -> a.requestMatchers("/frontend/**", "/webjars/**").authenticated())
                // A session whose user's access changed, on this instance or another, ends at its next request.
                .addFilterAfter(new StaleSessionFilter(stamps), SecurityContextHolderFilter.class)
                // CSRF as Vaadin configures it (its own requests carry Vaadin's token) but without its
                // exception for the login path: a cross-site POST to /login would sign the victim's browser
                // in as the attacker. The login form sends Spring's token, which Vaadin puts in the page.
                .csrf(c -> c.ignoringRequestMatchers(vaadinRequests::isFrameworkInternalRequest))
                .with(VaadinSecurityConfigurer.vaadin(), c -> {
                    c.loginView("/" + LOGIN_ROUTE).enableCsrfConfiguration(false);
                    if (sso != null) {
                        c.logoutSuccessHandler(sso.logoutSuccessHandler());
                    }
                })
                // Vaadin's configurer sets only the login page and success handler of the form login;
                // a failure handler set here is kept (it would otherwise default to "?error"). It must
                // come after Vaadin's: configured first, the form login would be initialised without
                // the custom login page and put Spring Security's generated page on GET /login.
                .formLogin(f -> f.failureHandler(loginFailureHandler()))
                // Every screen: no MIME sniffing, no referrer to other sites, a CSP, and no copy of a
                // page with data in a cache (Spring's no-store; static files set their own caching).
                .headers(h -> h
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
                        .contentSecurityPolicy(c -> c.policyDirectives(ContentSecurityPolicy.policy(imageHosts)))
                        .cacheControl(Customizer.withDefaults())
                        // Written before the request goes on: written when the response is committed (the
                        // default), they were missing from Vaadin's pages altogether.
                        .withObjectPostProcessor(new ObjectPostProcessor<HeaderWriterFilter>() {
                            @Override
                            public <O extends HeaderWriterFilter> O postProcess(O filter) {
                                filter.setShouldWriteHeadersEagerly(true);
                                return filter;
                            }
                        }))
                .build();
    }

    /** A throttled account ({@link LoginThrottle}) goes to "?locked", every other failure to "?error". */
    static ExceptionMappingAuthenticationFailureHandler loginFailureHandler() {
        var handler = new ExceptionMappingAuthenticationFailureHandler();
        handler.setDefaultFailureUrl("/" + LOGIN_ROUTE + "?error");
        handler.setExceptionMappings(Map.of(LockedException.class.getName(), "/" + LOGIN_ROUTE + "?locked"));
        return handler;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }
}
