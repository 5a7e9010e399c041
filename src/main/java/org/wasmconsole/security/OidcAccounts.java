package org.wasmconsole.security;

import java.util.Collection;
import java.util.Set;

/**
 * The console accounts of people who sign in through the OIDC provider. Implemented by the user module,
 * which owns user administration and the group mapping rules ({@link OidcAccessRules}); the sign-in
 * ({@link OidcLogin}) asks it through this interface so that security does not depend on it.
 */
public interface OidcAccounts {

    /** The longest console user name (the column, and the audit trail's "user"). */
    int MAX_NAME = 63;

    /**
     * Creates the account at the first sign-in and brings role and tenants up to date at every one.
     *
     * @throws Refused when no rule gives access, the account is disabled or the name is unusable
     */
    SignedIn signIn(Identity who);

    /** A refused sign-in, with what the login page tells the person. */
    final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** Who signed in, as the provider said it. */
    record Identity(String issuer, String subject, String providerId, String providerName, String username,
                    Collection<String> groups) {

        public String consoleName() {
            return username + "@" + providerId;
        }

        public String describe() {
            return providerName + " (issuer " + issuer + ", subject " + subject + ")";
        }
    }

    /** The signed-in account after this sign-in: its name, role and tenants. */
    record SignedIn(String name, Role role, Set<Long> tenantIds) {
    }
}
