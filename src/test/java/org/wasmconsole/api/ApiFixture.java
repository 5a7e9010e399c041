package org.wasmconsole.api;

import static org.wasmconsole.SignedIn.asSystem;

import java.util.List;
import java.util.Set;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.Role;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/**
 * An organization of its own for an API test class (the Spring context and database are shared):
 * tenants team-a and team-b, an operator of each, and extensions open to all, to a, to b, to both.
 */
final class ApiFixture {

    static final String PASSWORD = "api-test-password-1";

    final String org;
    final String opA;
    final String opB;

    ApiFixture(String org, TenantService tenants, UserService users, ExtensionService extensions) {
        this.org = org;
        this.opA = org + "-op-a";
        this.opB = org + "-op-b";
        asSystem(() -> {
            tenants.createOrganization(org, null);
            long a = tenants.create(org, "team-a", "Team A").id();
            long b = tenants.create(org, "team-b", null).id();
            extensions.create(extension("open", List.of()));
            extensions.create(extension("only-a", List.of(tenant("team-a"))));
            extensions.create(extension("only-b", List.of(tenant("team-b"))));
            extensions.create(extension("a-and-b", List.of(tenant("team-a"), tenant("team-b"))));
            users.create(opA, PASSWORD, Role.TENANT_OPERATOR, Set.of(a));
            users.create(opB, PASSWORD, Role.TENANT_OPERATOR, Set.of(b));
        });
    }

    String tenant(String name) {
        return "organizations/" + org + "/tenants/" + name;
    }

    ExtensionDefinition extension(String name, List<String> allowedIn) {
        return ExtensionDefinition.builder().organization(org).name(name)
                .url("oci://docker.io/example/" + name + ":1.0").allowedIn(allowedIn).build();
    }

    String extensions() {
        return "/api/v2/organizations/" + org + "/extensions";
    }
}
