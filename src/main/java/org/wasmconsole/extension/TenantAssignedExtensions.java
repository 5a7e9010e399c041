package org.wasmconsole.extension;

import java.util.List;
import java.util.Map;
import lombok.RequiredArgsConstructor;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.wasmconsole.tenant.AssignedExtensions;

/** The tenants list's view of which extensions name a tenant: the assignment service's, in its terms. */
@Component
@RequiredArgsConstructor
class TenantAssignedExtensions implements AssignedExtensions {

    private final TenantAssignmentService assignments;

    @Override
    public Map<Long, Long> countsByTenant(String organization) {
        return assignments.assignedCounts(organization);
    }

    @Override
    public Names onlyAllowedIn(String organization, String tenantFqn, int limit) {
        return names(organization, tenantFqn, TenantAssignment.ONLY_THIS_TENANT, limit);
    }

    @Override
    public Names assignedTo(String organization, String tenantFqn, int limit) {
        return names(organization, tenantFqn, TenantAssignment.ASSIGNED, limit);
    }

    private Names names(String organization, String tenantFqn, TenantAssignment assignment, int limit) {
        ExtensionFilter filter = new ExtensionFilter(organization, null, null, null, tenantFqn);
        long total = assignments.countForTenant(filter, assignment);
        if (total == 0) {
            return new Names(List.of(), 0);
        }
        List<String> first = assignments.listForTenant(filter, assignment, PageRequest.of(0, limit)).stream()
                .map(ExtensionSummary::name).toList();
        return new Names(first, total);
    }
}
