package org.wasmconsole.tenant;

/**
 * Published by {@link TenantService#delete} inside its transaction, just before the tenant is
 * deleted. Features that refer to tenants (the extensions' {@code allowedIn}) listen to it
 * synchronously and either drop their references in the same transaction or refuse the delete by
 * throwing, which rolls the whole delete back. This keeps the tenant package free of any
 * dependency on the features built on it.
 */
public record TenantDeleting(TenantInfo tenant) {
}
