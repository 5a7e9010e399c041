package org.wasmconsole.security;

/** The two roles of the console, as used in {@code @RolesAllowed}. */
public final class Roles {

    public static final String ADMIN = "PLATFORM_ADMIN";
    public static final String OPERATOR = "TENANT_OPERATOR";

    private Roles() {
    }
}
