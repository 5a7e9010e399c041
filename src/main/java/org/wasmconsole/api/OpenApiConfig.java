package org.wasmconsole.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.type.MethodMetadata;

/** The API's OpenAPI description (served at /v3/api-docs and /v3/api-docs.yaml, generated from the controllers). */
@Configuration
class OpenApiConfig {

    @Bean
    @Lazy
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

    /**
     * springdoc's beans (and with them swagger-core and the Jackson 2 it uses) are created when the description is
     * first asked for, not at start: nothing else needs them, and creating them at start cost ~10 MiB of resident
     * memory at ready and ~1,000 more classes (docs/benchmarks.md, start-up). Its controllers are still mapped at
     * start (Spring MVC finds a lazy bean's handler methods from its type and creates the bean on the first request).
     */
    @Bean
    static BeanFactoryPostProcessor springdocOnFirstUse() {
        return beanFactory -> {
            for (String name : beanFactory.getBeanDefinitionNames()) {
                BeanDefinition definition = beanFactory.getBeanDefinition(name);
                if (declaringClass(definition).startsWith("org.springdoc.")) {
                    definition.setLazyInit(true);
                }
            }
        };
    }

    /** The class that declares a bean: its {@code @Bean} method's class, else the bean's own class. */
    private static String declaringClass(BeanDefinition definition) {
        MethodMetadata factoryMethod = definition instanceof AnnotatedBeanDefinition annotated
                ? annotated.getFactoryMethodMetadata() : null;
        String name = factoryMethod != null ? factoryMethod.getDeclaringClassName() : definition.getBeanClassName();
        return name == null ? "" : name;
    }
}
