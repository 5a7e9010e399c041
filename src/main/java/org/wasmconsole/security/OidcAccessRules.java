package org.wasmconsole.security;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What the values of a user's groups claim give them, by the group mapping rules (implemented by the
 * user module, which owns the rules: security does not depend on it). Asked at every OIDC sign-in.
 */
public interface OidcAccessRules {

    /**
     * The role and tenants for these groups: a platform admin when a matching rule says so, else an
     * operator of the tenants of every matching rule; empty when no rule matches.
     */
    Optional<Access> accessFor(Collection<String> groups);

    /** @param matchedGroups the groups whose rules gave this access, for the audit trail */
    record Access(Role role, Set<Long> tenantIds, List<String> matchedGroups) {

        public Access {
            tenantIds = Set.copyOf(tenantIds);
            matchedGroups = List.copyOf(matchedGroups);
        }
    }
}
