package org.wasmconsole.user.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.user.GroupMappingInfo;
import org.wasmconsole.user.GroupMappingService;

/** Adds a group mapping rule ({@code existing == null}) or changes one; the rules are the service's. */
class GroupMappingDialog extends Dialog {

    private final GroupMappingService mappings;
    private final GroupMappingInfo existing;
    private final Runnable saved;
    private final TextField group = new TextField("Group");
    private final RoleAndTenants access;
    private final FormErrors errors;

    GroupMappingDialog(GroupMappingService mappings, List<TenantInfo> allTenants, GroupMappingInfo existing,
                       Runnable saved) {
        this.mappings = mappings;
        this.existing = existing;
        this.saved = saved;
        this.access = new RoleAndTenants(allTenants, "The tenants that members of this group operate");
        this.errors = new FormErrors(Map.of("group", group, "role", access.role, "tenants", access.tenants));
        setHeaderTitle(existing == null ? "Add group mapping" : "Edit the rule of " + existing.group());
        setWidth("32rem");
        setMaxWidth("100%");

        group.setRequired(true);
        group.setHelperText("Exactly as the provider sends it in the groups claim (case matters), e.g. mesh-admins");
        if (existing != null) {
            group.setValue(existing.group());
            access.show(existing.role(), existing.tenantIds(), allTenants);
        }

        FormLayout form = new FormLayout(group, access.role, access.tenants);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(errors.line(), form);

        Button save = new Button(existing == null ? "Add rule" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private void save() {
        errors.clear();
        Set<Long> tenantIds = access.tenantIds();
        boolean done = errors.saved(() -> {
            if (existing == null) {
                mappings.create(group.getValue(), access.role.getValue(), tenantIds);
            } else {
                mappings.update(existing.id(), group.getValue(), access.role.getValue(), tenantIds);
            }
            Notify.success("Saved the rule of " + group.getValue().strip());
        }, " (deleted meanwhile?)");
        if (done) {
            close();
            saved.run();
        }
    }
}
