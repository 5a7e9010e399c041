package org.wasmconsole.security;

import java.util.Set;

/**
 * Who is asking, reduced to what services need for scoping: an admin sees everything,
 * an operator what is available to their tenants (by tenant id).
 */
public record Viewer(String username, boolean admin, Set<Long> tenantIds) {

    public Viewer {
        tenantIds = Set.copyOf(tenantIds);
    }
}
