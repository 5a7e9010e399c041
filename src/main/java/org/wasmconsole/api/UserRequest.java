package org.wasmconsole.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Role;
import tools.jackson.databind.JsonNode;

/**
 * The body of a user create or change, bound by Jackson ({@link BodyBinding}: every mistake at once,
 * named by its path); the rules on the values (name, password strength, tenants of an operator) are
 * the service's.
 */
record UserRequest(String name, String password, Role role, Set<Long> tenantIds, Boolean enabled) {

    /** The body as sent. */
    record Body(String name, String password, Role role, List<String> tenants, Boolean enabled) {
    }

    /**
     * @param pathName the name in the path of a change (null for a create): the body's name may be left out
     * @param tenantId a tenant fqn as its id, or null when no such tenant exists
     */
    static UserRequest read(JsonNode body, String pathName, Function<String, Long> tenantId) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "send a mapping with name, password, role and tenants");
        }
        List<Violation> bound = new ArrayList<>();
        Body in = BodyBinding.bind(body, Body.class, "a user", "enabled, name, password, role, tenants", bound);
        List<Violation> problems = new ArrayList<>();
        for (Violation v : bound) {
            if (v.path().equals("tenants")) {
                problems.add(new Violation("tenants", "must be a list of tenant fqns"));
            } else if (!v.path().startsWith("tenants[")) { // an item that is no string: reported below
                problems.add(v);
            }
        }
        String name = in.name();
        if (pathName != null && name != null && !name.equals(pathName)) {
            problems.add(new Violation("name", "is '" + name + "' but the path names '" + pathName
                    + "'; a user cannot be renamed"));
        }
        Set<Long> tenants = in.tenants() == null ? new HashSet<>() : TenantFqns.ids(body.get("tenants"), tenantId, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new UserRequest(pathName != null ? pathName : name, in.password(), in.role(), tenants, in.enabled());
    }
}
