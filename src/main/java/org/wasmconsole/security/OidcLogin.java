package org.wasmconsole.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * Sign-in through the OIDC provider (authorization code with PKCE, Spring Security's OAuth2 client),
 * added to the console's filter chain by {@link SecurityConfig} when {@code console.oidc.issuer-uri}
 * is set. Every failure lands on the login page with a message, never on an error page:
 * {@code ?sso=unavailable} (the provider cannot be reached), {@code ?sso=refused} (authenticated, but
 * the console refuses: the reason is in the session, see {@link SingleSignOn#REFUSAL}), {@code ?sso=failed}.
 */
class OidcLogin {

    static final String REFUSED_CODE = OidcSignInRefused.ERROR_CODE;

    private final OidcSettings settings;
    private final ClientRegistrationRepository registrations;
    private final OidcAccounts users;

    OidcLogin(OidcSettings settings, ClientRegistrationRepository registrations, OidcAccounts users) {
        this.settings = settings;
        this.registrations = registrations;
        this.users = users;
    }

    void configure(HttpSecurity http) throws Exception {
        var resolver = new DefaultOAuth2AuthorizationRequestResolver(registrations,
                OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
        // PKCE for this confidential client too (Spring adds it on its own only for public clients).
        resolver.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
        AuthenticationFailureHandler failures = this::failed;
        http.oauth2Login(o -> o
                .loginPage("/" + SecurityConfig.LOGIN_ROUTE)
                .clientRegistrationRepository(registrations)
                .authorizationEndpoint(a -> a.authorizationRequestResolver(resolver))
                .userInfoEndpoint(u -> u.oidcUserService(this::loadUser))
                .failureHandler(failures)
                .withObjectPostProcessor(new ObjectPostProcessor<OAuth2AuthorizationRequestRedirectFilter>() {
                    @Override
                    public <O extends OAuth2AuthorizationRequestRedirectFilter> O postProcess(O filter) {
                        // The provider's metadata could not be read: the login page says so (Spring's
                        // default is a 500 error page).
                        filter.setAuthenticationFailureHandler(failures);
                        return filter;
                    }
                }));
    }

    /** Ends the session here, then at the provider when it has an end-session endpoint (RP-initiated logout). */
    LogoutSuccessHandler logoutSuccessHandler() {
        var handler = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        handler.setPostLogoutRedirectUri("{baseUrl}/" + SecurityConfig.LOGIN_ROUTE);
        handler.setDefaultTargetUrl("/" + SecurityConfig.LOGIN_ROUTE);
        return handler;
    }

    private OidcUser loadUser(OidcUserRequest request) {
        OidcUser oidc = new OidcUserService().loadUser(request);
        var who = new OidcAccounts.Identity(oidc.getIssuer() == null ? settings.issuerUri() : oidc.getIssuer().toString(),
                oidc.getSubject(), settings.providerId(), settings.providerName(),
                oidc.getClaimAsString(settings.usernameClaim()), groups(oidc.getClaims().get(settings.groupsClaim())));
        try {
            OidcAccounts.SignedIn account = users.signIn(who);
            return new ConsoleOidcUser(oidc, account.name(), settings.providerName(), account.role(),
                    account.tenantIds());
        } catch (OidcAccounts.Refused e) {
            throw new OAuth2AuthenticationException(new OAuth2Error(REFUSED_CODE, e.getMessage(), null), e.getMessage());
        }
    }

    /** The groups claim as strings: a list of names, or one name (providers differ). */
    static List<String> groups(Object claim) {
        return switch (claim) {
            case Collection<?> values -> values.stream().filter(v -> v != null).map(Object::toString).toList();
            case String one when !one.isBlank() -> List.of(one);
            case null, default -> List.of();
        };
    }

    private void failed(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        String outcome = "failed";
        if (e instanceof OAuth2AuthenticationException oauth && REFUSED_CODE.equals(oauth.getError().getErrorCode())) {
            request.getSession().setAttribute(SingleSignOn.REFUSAL, oauth.getError().getDescription());
            outcome = "refused";
        } else if (e.getCause() instanceof IllegalArgumentException || registrations.findByRegistrationId(
                settings.providerId()) == null) {
            outcome = "unavailable";
        }
        response.sendRedirect(request.getContextPath() + "/" + SecurityConfig.LOGIN_ROUTE + "?sso=" + outcome);
    }
}
