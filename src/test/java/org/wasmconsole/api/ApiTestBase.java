package org.wasmconsole.api;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.wasmconsole.ConsoleTest;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.user.UserService;
import org.wasmconsole.tenant.TenantService;

/** An API test class: the running app, its services, an organization of its own and a client per caller. */
@ConsoleTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {

    @LocalServerPort
    int port;
    @Autowired
    ExtensionService extensions;
    @Autowired
    TenantService tenants;
    @Autowired
    UserService users;

    ApiFixture f;
    ApiClient admin;
    ApiClient opA;
    ApiClient opB;

    /** The organization this class works in, unique among the test classes (they share one database). */
    abstract String organization();

    @BeforeAll
    void createOrganizationAndClients() {
        f = new ApiFixture(organization(), tenants, users, extensions);
        admin = ApiClient.as(port, "admin", ConsoleTest.ADMIN_PASSWORD);
        opA = ApiClient.as(port, f.opA, ApiFixture.PASSWORD);
        opB = ApiClient.as(port, f.opB, ApiFixture.PASSWORD);
    }
}
