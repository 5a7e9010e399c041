package org.wasmconsole.extension;

import java.util.Optional;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;
import org.wasmconsole.security.CurrentUser;
import org.wasmconsole.security.Viewer;
import org.wasmconsole.tenant.Tenant;
import org.wasmconsole.tenant.TenantDirectory;

/**
 * The catalogue's filter as a query for the caller: tenant visibility, the filter's tenant resolved, and the text
 * filter narrowed by the {@link ExtensionTextIndex} where there is one (H2). Used inside the service's transactions.
 */
@Component
class ExtensionSearch {

    private final TenantDirectory tenants;
    private final CurrentUser currentUser;
    private final ExtensionTextIndex textIndex;

    ExtensionSearch(TenantDirectory tenants, CurrentUser currentUser, ExtensionTextIndex textIndex) {
        this.tenants = tenants;
        this.currentUser = currentUser;
        this.textIndex = textIndex;
    }

    /** The filter as a query, or empty when it cannot match anything (an unknown tenant). */
    Optional<Specification<WasmExtension>> specification(ExtensionFilter filter) {
        Viewer viewer = currentUser.viewer();
        Long tenantId = null;
        if (filter.tenant() != null) {
            Optional<Tenant> tenant = tenants.tenant(filter.tenant());
            // An operator's filter by a tenant that is not theirs matches nothing, whether that tenant
            // exists or not: the answer must not tell them other tenants' names.
            if (tenant.isEmpty() || !viewer.admin() && !viewer.tenantIds().contains(tenant.get().getId())) {
                return Optional.empty();
            }
            tenantId = tenant.get().getId();
        }
        // The index only narrows the candidates: the LIKE of matching() still decides.
        return Optional.of(ExtensionQueries.matching(filter, tenantId, viewer).and(textIndex.candidates(filter.text())));
    }
}
