package org.wasmconsole.api;

import jakarta.annotation.security.RolesAllowed;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.user.UserInfo;
import org.wasmconsole.user.UserService;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * Console users (admins only: the user service refuses everyone else with 403). A user is
 * {@code {"name", "password", "role", "tenants": [tenant fqns], "enabled"}}; the password is never returned.
 */
@RestController
@RolesAllowed(Roles.ADMIN)
@RequestMapping("/api/v2/users")
@Tag(name = "Users", description = "Console users; platform admins only")
@RequiredArgsConstructor
class UserApi {

    private final UserService users;
    private final TenantDirectory directory;
    private final RequestBodies bodies;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record UserBody(String name, String role, List<String> tenants, boolean enabled, String createdAt,
                    String provider) {
    }

    @Operation(summary = "List console users")
    @GetMapping(produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> list(HttpServletRequest request) {
        List<UserInfo> all = users.list();
        Map<Long, String> fqns = directory.fqns(all.stream().flatMap(u -> u.tenantIds().stream()).toList());
        return respond(ResponseEntity.ok(), Map.of("users", all.stream().map(u -> body(u, fqns)).toList()), request);
    }

    @Operation(summary = "Create a console user", description = "Body: {\"name\", \"password\", \"role\": "
            + "\"PLATFORM_ADMIN\" or \"TENANT_OPERATOR\", \"tenants\": [tenant fqns]}")
    @PostMapping(consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    @Transactional
    ResponseEntity<byte[]> create(HttpServletRequest request) {
        UserRequest in = UserRequest.read(bodies.tree(request), null, this::tenantId);
        users.create(in.name(), in.password(), in.role(), in.tenantIds());
        if (in.enabled() != null && !in.enabled()) {
            users.setEnabled(in.name(), false);
        }
        return respond(ResponseEntity.created(URI.create(request.getRequestURI() + "/" + in.name())), get(in.name()),
                request);
    }

    @Operation(summary = "Change a user's role and tenants, and optionally password and enabled",
            description = "role is required; password and enabled are changed only when given.")
    @PutMapping(path = "/{name}", consumes = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE},
            produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    @Transactional
    ResponseEntity<byte[]> replace(@PathVariable String name, HttpServletRequest request) {
        get(name);
        UserRequest in = UserRequest.read(bodies.tree(request), name, this::tenantId);
        users.changeRole(name, in.role(), in.tenantIds());
        if (in.password() != null) {
            users.resetPassword(name, in.password());
        }
        if (in.enabled() != null) {
            users.setEnabled(name, in.enabled());
        }
        return respond(ResponseEntity.ok(), get(name), request);
    }

    @Operation(summary = "Delete a user", description = "Never yourself, never the last enabled platform admin.")
    @DeleteMapping("/{name}")
    ResponseEntity<Void> delete(@PathVariable String name) {
        users.delete(name);
        return ResponseEntity.noContent().build();
    }

    private UserBody get(String name) {
        UserInfo user = users.find(name).orElseThrow(() -> new org.wasmconsole.base.NotFoundException(
                "user '" + name + "'"));
        return body(user, directory.fqns(user.tenantIds()));
    }

    private static UserBody body(UserInfo u, Map<Long, String> fqns) {
        return new UserBody(u.name(), u.role().name(), u.tenantIds().stream().map(fqns::get).sorted().toList(),
                u.enabled(), u.createdAt() == null ? null : u.createdAt().toString(), u.provider());
    }

    /** A tenant FQN as its id, or null when there is no such tenant. */
    private Long tenantId(String fqn) {
        return directory.tenant(fqn).map(Tenant::getId).orElse(null);
    }

    private static ResponseEntity<byte[]> respond(ResponseEntity.BodyBuilder response, Object body,
                                                  HttpServletRequest request) {
        ApiFormat format = ApiFormat.accepted(request);
        return response.contentType(format.mediaType).body(format.writeValue(body));
    }
}
