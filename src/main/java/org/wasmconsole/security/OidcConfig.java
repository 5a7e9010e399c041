package org.wasmconsole.security;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/** The OIDC client, only when {@code console.oidc.issuer-uri} is set (else the console is as before). */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("!'${console.oidc.issuer-uri:}'.isBlank()")
class OidcConfig {

    /** The one provider, read from its issuer when first needed ({@link SingleSignOn}), not at start. */
    @Bean
    ClientRegistrationRepository clientRegistrationRepository(SingleSignOn sso) {
        return id -> sso.registration().filter(r -> r.getRegistrationId().equals(id)).orElse(null);
    }

    @Bean
    OidcLogin oidcLogin(OidcSettings settings, ClientRegistrationRepository registrations, OidcAccounts users) {
        return new OidcLogin(settings, registrations, users);
    }
}
