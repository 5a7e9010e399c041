package org.wasmconsole.user;

import java.time.Instant;
import java.util.Set;
import org.wasmconsole.security.Role;

/** A group mapping rule as screens and the API see it. */
public record GroupMappingInfo(Long id, String group, Role role, Set<Long> tenantIds, Instant createdAt) {

    public GroupMappingInfo {
        tenantIds = Set.copyOf(tenantIds);
    }
}
