package org.wasmconsole.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OIDC single sign-on ({@code console.oidc.*}, README "Single sign-on"). Off while {@code issuer-uri}
 * is empty. The client secret comes from the environment ({@code CONSOLE_OIDC_CLIENT_SECRET}) and is
 * never logged: {@link #toString()} leaves it out.
 *
 * @param issuerUri     the provider's issuer; its {@code /.well-known/openid-configuration} is read at the
 *                      first sign-in (not at start: the console starts while the provider is down)
 * @param providerId    a short id of the provider: in the URLs ({@code /oauth2/authorization/<id>}) and
 *                      in the console names of its users ({@code <username>@<id>})
 * @param providerName  the name on the login page's button and in the Users screen
 * @param usernameClaim the claim that names the user (before {@code @<provider-id>})
 * @param groupsClaim   the claim whose values the group mapping rules match
 * @param localLogin    whether the login page shows the password form beside the provider's button;
 *                      false shows it only at {@code /login?local} (the break-glass way in)
 * @param retryAfter    after the provider could not be reached, how long until it is asked again
 */
@ConfigurationProperties("console.oidc")
public record OidcSettings(String issuerUri, String clientId, String clientSecret,
                           @DefaultValue("sso") String providerId,
                           @DefaultValue("single sign-on") String providerName,
                           @DefaultValue({"openid", "profile", "email"}) List<String> scopes,
                           @DefaultValue("preferred_username") String usernameClaim,
                           @DefaultValue("groups") String groupsClaim,
                           @DefaultValue("true") boolean localLogin,
                           @DefaultValue("15s") Duration retryAfter) {

    public boolean enabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    @Override
    public String toString() {
        return "OidcSettings[issuerUri=" + issuerUri + ", clientId=" + clientId + ", providerId=" + providerId
                + ", clientSecret=" + (clientSecret == null || clientSecret.isEmpty() ? "(none)" : "(set)") + "]";
    }
}
