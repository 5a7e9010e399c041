package org.wasmconsole.user.ui;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.wasmconsole.security.Role;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The role a user or a group mapping gives and, for a tenant operator, the tenants: the two fields
 * of both dialogs, the tenants shown only for a tenant operator.
 */
final class RoleAndTenants {

    final Select<Role> role = new Select<>();
    final MultiSelectComboBox<TenantInfo> tenants = new MultiSelectComboBox<>("Tenants");

    RoleAndTenants(List<TenantInfo> allTenants, String tenantsHelp) {
        role.setLabel("Role");
        role.setItems(Role.values());
        role.setItemLabelGenerator(UserListView::roleLabel);
        role.setValue(Role.TENANT_OPERATOR);
        tenants.setItems(allTenants);
        tenants.setItemLabelGenerator(TenantInfo::labelWithName);
        tenants.setHelperText(tenantsHelp);
        tenants.setRequired(true);
        role.addValueChangeListener(e -> tenants.setVisible(e.getValue() == Role.TENANT_OPERATOR));
    }

    /** Shows what is stored: the role and, among {@code allTenants}, those of {@code tenantIds}. */
    void show(Role stored, Set<Long> tenantIds, List<TenantInfo> allTenants) {
        role.setValue(stored);
        tenants.setValue(allTenants.stream().filter(t -> tenantIds.contains(t.id())).collect(Collectors.toSet()));
    }

    /** The chosen tenants' ids; none unless the role is tenant operator. */
    Set<Long> tenantIds() {
        return role.getValue() == Role.TENANT_OPERATOR
                ? tenants.getValue().stream().map(TenantInfo::id).collect(Collectors.toSet()) : Set.of();
    }
}
