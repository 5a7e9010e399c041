package org.wasmconsole.security;

/** What a console user may do. */
public enum Role {
    /** Manages every extension, tenant and user. */
    PLATFORM_ADMIN,
    /** Reads, and only reads, the extensions available to their tenants. */
    TENANT_OPERATOR
}
