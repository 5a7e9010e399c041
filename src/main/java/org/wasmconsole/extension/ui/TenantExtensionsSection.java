package org.wasmconsole.extension.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.tenant.TenantSection;

/** The extensions available to a tenant, first on the tenant's page. */
@Configuration(proxyBeanMethods = false)
class TenantExtensionsSection {

    @Bean
    TenantSection tenantExtensions(TenantAssignmentService assignments) {
        return TenantSection.of(100, (tenant, page) -> new TenantExtensionsPart(assignments, tenant, page));
    }
}
