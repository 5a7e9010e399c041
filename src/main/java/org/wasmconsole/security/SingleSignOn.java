package org.wasmconsole.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.stereotype.Component;

/**
 * The OIDC provider as the login page and the sign-in see it. Its metadata (endpoints, keys) is read
 * from the issuer when first needed, not at start, so that the console starts and local sign-in works
 * while the provider cannot be reached; after a failure it is tried again at most every
 * {@code console.oidc.retry-after}, and the login page says that sign-in with the provider is unavailable.
 */
@Component
@EnableConfigurationProperties(OidcSettings.class)
@RequiredArgsConstructor
public class SingleSignOn {

    /** The session attribute with the reason of the last refused sign-in through the provider. */
    public static final String REFUSAL = SingleSignOn.class.getName() + ".refusal";
    private static final Logger log = LoggerFactory.getLogger(SingleSignOn.class);

    private final OidcSettings settings;
    private final Clock clock = Clock.systemUTC();
    private volatile ClientRegistration registration;
    private volatile Instant lastFailure;
    private volatile String failure;

    /** Whether sign-in through an OIDC provider is configured at all. */
    public boolean enabled() {
        return settings.enabled();
    }

    public String providerName() {
        return settings.providerName();
    }

    /** Where the login page's button goes: Spring Security starts the authorization code flow there. */
    public String loginPath() {
        return "oauth2/authorization/" + settings.providerId();
    }

    /** Whether the login page shows the password form beside the provider's button. */
    public boolean localLoginShown() {
        return !enabled() || settings.localLogin();
    }

    /** Why sign-in with the provider cannot start now (it cannot be reached), or empty when it can. */
    public Optional<String> unavailable() {
        return enabled() && registration().isEmpty() ? Optional.of(failure == null ? "not reachable" : failure)
                : Optional.empty();
    }

    /** The provider's client registration, read from the issuer on first use; empty while it cannot be read. */
    Optional<ClientRegistration> registration() {
        if (!enabled()) {
            return Optional.empty();
        }
        ClientRegistration known = registration;
        if (known != null) {
            return Optional.of(known);
        }
        synchronized (this) {
            if (registration == null && (lastFailure == null
                    || !clock.instant().isBefore(lastFailure.plus(settings.retryAfter())))) {
                try {
                    registration = discover();
                    failure = null;
                    log.info("OIDC provider {} found at {}", settings.providerName(), settings.issuerUri());
                } catch (RuntimeException e) {
                    lastFailure = clock.instant();
                    failure = "the provider at " + settings.issuerUri() + " cannot be reached";
                    // The message names the URL and the cause only: no client secret is part of either.
                    log.warn("OIDC provider {} at {} cannot be reached: {}; sign-in with it is unavailable,"
                            + " local sign-in works", settings.providerName(), settings.issuerUri(), e.toString());
                }
            }
            return Optional.ofNullable(registration);
        }
    }

    private ClientRegistration discover() {
        return ClientRegistrations.fromIssuerLocation(settings.issuerUri())
                .registrationId(settings.providerId())
                .clientName(settings.providerName())
                .clientId(settings.clientId())
                .clientSecret(settings.clientSecret() == null ? "" : settings.clientSecret())
                .clientAuthenticationMethod(settings.clientSecret() == null || settings.clientSecret().isEmpty()
                        ? ClientAuthenticationMethod.NONE : ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope(settings.scopes())
                .userNameAttributeName("sub")
                .build();
    }
}
