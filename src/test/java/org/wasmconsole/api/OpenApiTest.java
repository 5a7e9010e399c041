package org.wasmconsole.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.wasmconsole.ConsoleTest;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description is served without signing in and lists every endpoint of the controllers. */
@ConsoleTest
class OpenApiTest {

    @LocalServerPort
    int port;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void everyApiEndpointIsDescribed() {
        ApiClient.Answer docs = ApiClient.anonymous(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");

        List<String> endpoints = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, method) -> {
            if (method.getBeanType().getPackageName().equals(OpenApiTest.class.getPackageName())
                    && method.getBeanType() != UnknownApiPath.class) {
                info.getPatternValues().forEach(path -> info.getMethodsCondition().getMethods()
                        .forEach(m -> endpoints.add(m.name().toLowerCase(Locale.ROOT) + " " + path)));
            }
        });
        // spec §7's 12 (5 extension, 2 tenant, 4 user, apply) + tenant get, put, delete; attachments (#7):
        // workspaces 5, groups 5 x 2 kinds, gateways and settings 5 x 5 kinds (Gateway: #18), their Istio output 5,
        // their filter chains 5 (#18), where used 1; an extension's config schema (#19): get, put, delete;
        // the Istio output of a workspace and of a tenant (#17) 2; an extension's module (#20): get, pin, accept;
        // default settings (#18) at 3 levels: list, create, get, put, delete, filter chain
        // OIDC group mappings (#22): list, create, get, replace, delete
        assertThat(endpoints).hasSize(15 + 5 + 10 + 25 + 5 + 5 + 1 + 3 + 2 + 3 + 3 * 6 + 5);
        for (String endpoint : endpoints) {
            String method = endpoint.substring(0, endpoint.indexOf(' '));
            String path = endpoint.substring(endpoint.indexOf(' ') + 1);
            assertThat(paths.has(path)).as(endpoint + " in " + paths.propertyNames()).isTrue();
            assertThat(paths.get(path).has(method)).as(endpoint).isTrue();
        }
        assertThat(docs.json().get("components").get("securitySchemes").get("basic").get("scheme").asString())
                .isEqualTo("basic");
        assertThat(ApiClient.anonymous(port).get("/v3/api-docs.yaml").body()).contains("openapi: 3");
    }
}
