package org.wasmconsole.security;

/**
 * Published when a person authenticated at the OIDC provider but the console refused them (no group
 * mapping rule matches, the account is disabled, the name is unusable): for the audit trail.
 *
 * @param username the console name they would have ({@code <username>@<provider-id>}), or the subject
 * @param detail   why, with the provider, issuer and subject
 */
public record OidcSignInRefused(String username, String detail) {

    /** The OAuth2 error code of such a refusal (recorded through this event, not as a plain failure). */
    public static final String ERROR_CODE = "console_access_refused";
}
