package org.wasmconsole.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The API's OpenAPI description (served at /v3/api-docs and /v3/api-docs.yaml, generated from the controllers). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI consoleApi() {
        return new OpenAPI()
                .info(new Info().title("Wasm Extension Console API").version("v2")
                        .description("TSB-shaped REST API for WasmExtension, Tenant, Workspace, Group,"
                                + " gateway and SecuritySetting resources (with their extension attachments and the"
                                + " Istio WasmPlugins they give), console users and tctl-style apply. Errors are RFC 9457 problem details with field paths."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
