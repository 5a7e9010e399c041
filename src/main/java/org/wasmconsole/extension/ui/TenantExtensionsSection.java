package org.wasmconsole.extension.ui;

import org.springframework.stereotype.Component;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantSection;

/** The extensions available to a tenant, first on the tenant's page. */
@Component
class TenantExtensionsSection implements TenantSection {

    private final TenantAssignmentService assignments;

    TenantExtensionsSection(TenantAssignmentService assignments) {
        this.assignments = assignments;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Part create(TenantInfo tenant, Page page) {
        return new TenantExtensionsPart(assignments, tenant, page);
    }
}
