package org.wasmconsole.api;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.wasmconsole.base.Violation;
import tools.jackson.databind.JsonNode;

/** A body's {@code tenants} (of a user or a group mapping): tenant fqns, read as the tenants' ids. */
final class TenantFqns {

    private TenantFqns() {
    }

    /**
     * The ids of the tenants the list names; an item that names none (or is no string) is a
     * violation at its index, added to {@code problems}.
     *
     * @param tenantId a tenant fqn as its id, or null when no such tenant exists
     */
    static Set<Long> ids(JsonNode list, Function<String, Long> tenantId, List<Violation> problems) {
        Set<Long> ids = new HashSet<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode item = list.get(i);
            Long id = item.isString() ? tenantId.apply(item.asString()) : null;
            if (id == null) {
                problems.add(new Violation("tenants[" + i + "]", item + " is not a tenant of this console;"
                        + " write its fqn, e.g. organizations/tse/tenants/payments"));
            } else {
                ids.add(id);
            }
        }
        return ids;
    }
}
