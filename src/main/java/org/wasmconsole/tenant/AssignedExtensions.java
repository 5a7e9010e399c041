package org.wasmconsole.tenant;

import java.util.List;
import java.util.Map;

/**
 * The extensions that name a tenant in their allowed tenants, as the tenants list shows them (its
 * "assigned extensions" column and what its delete dialog says). Implemented by the module that keeps
 * extensions, so that this module does not depend on the features built on it.
 */
public interface AssignedExtensions {

    /** How many extensions each tenant of the organization is assigned, by tenant id; absent = none. */
    Map<Long, Long> countsByTenant(String organization);

    /**
     * The extensions whose only allowed tenant is this one (deleting it would make them available to
     * all tenants): the first {@code limit} names in name order, and how many there are.
     */
    Names onlyAllowedIn(String organization, String tenantFqn, int limit);

    /** The extensions that name this tenant among their allowed tenants: the first names and the count. */
    Names assignedTo(String organization, String tenantFqn, int limit);

    /** The first names of a list and how many it has in all. */
    record Names(List<String> first, long total) {

        public boolean isEmpty() {
            return total == 0;
        }
    }
}
