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
 * The body of a user create or change, read field by field so that each mistake is named by its
 * path; the rules on the values (name, password strength, tenants of an operator) are the service's.
 */
record UserRequest(String name, String password, Role role, Set<Long> tenantIds, Boolean enabled) {

    private static final Set<String> FIELDS = Set.of("name", "password", "role", "tenants", "enabled");

    /**
     * @param pathName the name in the path of a change (null for a create): the body's name may be left out
     * @param tenantId a tenant fqn as its id, or null when no such tenant exists
     */
    static UserRequest read(JsonNode body, String pathName, Function<String, Long> tenantId) {
        List<Violation> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "send a mapping with name, password, role and tenants");
        }
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add(new Violation(field, "is not a field of a user; known fields: enabled, name, password,"
                        + " role, tenants"));
            }
        }
        String name = string(body, "name", problems);
        if (pathName != null && name != null && !name.equals(pathName)) {
            problems.add(new Violation("name", "is '" + name + "' but the path names '" + pathName
                    + "'; a user cannot be renamed"));
        }
        String password = string(body, "password", problems);
        String roleText = string(body, "role", problems);
        Role role = null;
        if (roleText != null) {
            try {
                role = Role.valueOf(roleText);
            } catch (IllegalArgumentException e) {
                problems.add(new Violation("role", "'" + roleText + "' is not PLATFORM_ADMIN or TENANT_OPERATOR"));
            }
        }
        Set<Long> tenants = new HashSet<>();
        JsonNode list = body.get("tenants");
        if (list != null && !list.isNull()) {
            if (!list.isArray()) {
                problems.add(new Violation("tenants", "must be a list of tenant fqns"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    JsonNode item = list.get(i);
                    Long id = item.isString() ? tenantId.apply(item.asString()) : null;
                    if (id == null) {
                        problems.add(new Violation("tenants[" + i + "]", item + " is not a tenant of this console;"
                                + " write its fqn, e.g. organizations/tse/tenants/payments"));
                    } else {
                        tenants.add(id);
                    }
                }
            }
        }
        JsonNode enabledNode = body.get("enabled");
        Boolean enabled = null;
        if (enabledNode != null && !enabledNode.isNull()) {
            if (enabledNode.isBoolean()) {
                enabled = enabledNode.booleanValue();
            } else {
                problems.add(new Violation("enabled", "must be true or false"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new UserRequest(pathName != null ? pathName : name, password, role, tenants, enabled);
    }

    private static String string(JsonNode body, String field, List<Violation> problems) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            problems.add(new Violation(field, "must be a string"));
            return null;
        }
        return node.asString();
    }
}
