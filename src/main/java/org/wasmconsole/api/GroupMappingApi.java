package org.wasmconsole.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.security.RolesAllowed;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.security.Role;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;
import org.wasmconsole.user.GroupMappingInfo;
import org.wasmconsole.user.GroupMappingService;
import tools.jackson.databind.JsonNode;

/**
 * The group mapping rules of OIDC sign-in (admins only: the service refuses everyone else with 403).
 * A rule is {@code {"group", "role", "tenants": [tenant fqns]}}; its {@code id} is in the path.
 */
@RestController
@RolesAllowed(Roles.ADMIN)
@RequestMapping("/api/v2/group-mappings")
@Tag(name = "Group mappings", description = "OIDC groups claim → role and tenants; platform admins only")
@RequiredArgsConstructor
class GroupMappingApi {

    private static final Set<String> FIELDS = Set.of("id", "group", "role", "tenants", "createdAt");

    private final GroupMappingService mappings;
    private final TenantDirectory directory;
    private final RequestBodies bodies;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MappingBody(Long id, String group, String role, List<String> tenants, String createdAt) {
    }

    /** A rule as sent: group, role and tenant ids (fqns resolved), every problem of the body at once. */
    record MappingRequest(String group, Role role, Set<Long> tenantIds) {
    }

    @Operation(summary = "List group mapping rules")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        List<GroupMappingInfo> all = mappings.list();
        Map<Long, String> fqns = directory.fqns(all.stream().flatMap(m -> m.tenantIds().stream()).toList());
        return respond(ResponseEntity.ok(), Map.of("groupMappings", all.stream().map(m -> body(m, fqns)).toList()),
                request);
    }

    @Operation(summary = "Get a group mapping rule")
    @GetMapping(path = "/{id}", produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> get(@PathVariable long id, HttpServletRequest request) {
        GroupMappingInfo rule = mappings.get(id);
        return respond(ResponseEntity.ok(), body(rule, directory.fqns(rule.tenantIds())), request);
    }

    @Operation(summary = "Create a group mapping rule", description = "Body: {\"group\": \"team-payments-ops\", "
            + "\"role\": \"TENANT_OPERATOR\", \"tenants\": [\"organizations/tse/tenants/payments\"]}; a "
            + "PLATFORM_ADMIN rule has no tenants")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> create(HttpServletRequest request) {
        MappingRequest in = read(bodies.tree(request));
        GroupMappingInfo created = mappings.create(in.group(), in.role(), in.tenantIds());
        return respond(ResponseEntity.created(URI.create(request.getRequestURI() + "/" + created.id())),
                body(created, directory.fqns(created.tenantIds())), request);
    }

    @Operation(summary = "Change a group mapping rule", description = "The whole rule: group, role, tenants.")
    @PutMapping(path = "/{id}", consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> replace(@PathVariable long id, HttpServletRequest request) {
        mappings.get(id);
        MappingRequest in = read(bodies.tree(request));
        GroupMappingInfo changed = mappings.update(id, in.group(), in.role(), in.tenantIds());
        return respond(ResponseEntity.ok(), body(changed, directory.fqns(changed.tenantIds())), request);
    }

    @Operation(summary = "Delete a group mapping rule", description = "Takes effect at each user's next sign-in.")
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable long id) {
        mappings.delete(id);
        return ResponseEntity.noContent().build();
    }

    private MappingRequest read(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new ValidationException("", "send a mapping with group, role and tenants");
        }
        List<Violation> problems = new ArrayList<>();
        for (String field : body.propertyNames()) {
            if (!FIELDS.contains(field)) {
                problems.add(new Violation(field, "is not a field of a group mapping; known fields: group, role,"
                        + " tenants"));
            }
        }
        String group = string(body, "group", problems);
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
                tenants = TenantFqns.ids(list, fqn -> directory.tenant(fqn).map(Tenant::getId).orElse(null), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new MappingRequest(group, role, tenants);
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

    private static MappingBody body(GroupMappingInfo m, Map<Long, String> fqns) {
        return new MappingBody(m.id(), m.group(), m.role().name(), m.tenantIds().stream().map(fqns::get).sorted()
                .toList(), m.createdAt() == null ? null : m.createdAt().toString());
    }

    private static ResponseEntity<byte[]> respond(ResponseEntity.BodyBuilder response, Object body,
                                                  HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.contentType(format.mediaType).body(format.writeValue(body));
    }
}
