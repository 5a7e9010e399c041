package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.action;
import static org.wasmconsole.attachment.ui.TopologyWidgets.actions;
import static org.wasmconsole.attachment.ui.TopologyWidgets.empty;
import static org.wasmconsole.attachment.ui.TopologyWidgets.labelledAction;
import static org.wasmconsole.attachment.ui.TopologyWidgets.muted;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.DefaultSettingDefinition;
import org.wasmconsole.attachment.DefaultSettingService;
import org.wasmconsole.attachment.SettingLevel;
import org.wasmconsole.attachment.SettingRef;
import org.wasmconsole.attachment.StoredSetting;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.base.ui.ConfirmDialogs;

/**
 * "Default security settings" of a tenant's page: the organization's, the tenant's and each workspace's
 * OrganizationSetting, TenantSetting and WorkspaceSetting with the extensions of their
 * {@code defaultSecuritySetting}, which run on every workload under them unless a lower level replaces
 * them. Admins attach and detach here (a tenant or workspace without a setting gets one named
 * {@code default}); operators of the tenant read it. Config and match overrides are set through the API
 * or import and shown here.
 */
public class DefaultSettingsPanel extends Div {

    static final String NEW_SETTING = "default";

    private final DefaultSettingService settings;
    private final TopologyService topology;
    private final ExtensionService extensions;
    private final String tenantFqn;
    private final String organization;
    private final String tenant;
    private final boolean canEdit;
    private final Div body = new Div();

    public DefaultSettingsPanel(DefaultSettingService settings, TopologyService topology, ExtensionService extensions,
                                String tenantFqn, boolean canEdit) {
        this.settings = settings;
        this.topology = topology;
        this.extensions = extensions;
        this.tenantFqn = tenantFqn;
        String[] parts = tenantFqn.split("/");
        this.organization = parts[1];
        this.tenant = parts[3];
        this.canEdit = canEdit;
        addClassNames("tenant-section", "default-settings");
        Div head = new Div(new H3("Default security settings"));
        head.addClassNames("section-header", "topology-header");
        Paragraph note = new Paragraph("Extensions of a default security setting run on every workload under it:"
                + " the organization's in every tenant, the tenant's in every workspace, a workspace's in every"
                + " security group. As in TSB, a lower level that has its own default (or a security group's"
                + " security setting) replaces the levels above it, unless a level above says propagationStrategy:"
                + " STRICTER; then its extensions stay and the lower level adds to them. Each security setting's"
                + " filter chain shows what reaches it." + (canEdit ? "" : " You can read this section; platform"
                + " admins change it."));
        note.addClassName("section-note");
        body.addClassName("topology-body");
        add(head, note, body);
        refresh();
    }

    public void refresh() {
        body.removeAll();
        List<StoredSetting> reaching = settings.reaching(tenantFqn);
        List<SettingRef> owners = new ArrayList<>();
        owners.add(SettingRef.organization(organization, NEW_SETTING));
        owners.add(SettingRef.tenant(organization, tenant, NEW_SETTING));
        for (WorkspaceInfo w : topology.workspaces(tenantFqn)) {
            owners.add(SettingRef.workspace(organization, tenant, w.name(), NEW_SETTING));
        }
        for (SettingRef owner : owners) {
            List<StoredSetting> own = reaching.stream().filter(s -> s.ref().ownerFqn().equals(owner.ownerFqn()))
                    .toList();
            body.add(ownerBlock(owner, own));
        }
    }

    private Div ownerBlock(SettingRef owner, List<StoredSetting> own) {
        String title = switch (owner.level()) {
            case ORGANIZATION -> "Organization " + organization;
            case TENANT -> "Tenant " + tenant;
            case WORKSPACE -> "Workspace " + owner.workspace();
        };
        Div block = new Div();
        block.addClassNames("target-card", "default-setting-card");
        block.getElement().setAttribute("data-owner", owner.ownerFqn());
        H4 heading = new H4(title);
        Div header = new Div(heading, muted(owner.level().documentKind(), "target-kind"));
        header.addClassName("target-card-header");
        block.add(header);
        if (own.isEmpty()) {
            block.add(empty(owner.level() == SettingLevel.ORGANIZATION
                    ? "No OrganizationSetting: nothing runs on every tenant's workloads."
                    : "No " + owner.level().documentKind() + " here: the levels above apply."));
            if (canEdit) {
                block.add(actions(attachButton(owner, null)));
            }
            return block;
        }
        for (StoredSetting s : own) {
            block.add(settingRows(s));
        }
        return block;
    }

    private Div settingRows(StoredSetting s) {
        DefaultSettingDefinition d = s.definition();
        Div rows = new Div();
        rows.addClassName("default-setting");
        String strategy = d.propagation() == DefaultSettingDefinition.Propagation.STRICTER
                ? "STRICTER: lower levels add to these" : "REPLACE: a lower level with its own default replaces these";
        rows.add(new Div(new Span(d.displayName() == null ? d.ref().name() : d.displayName() + " (" + d.ref().name()
                + ")"), muted(" · " + strategy, "setting-propagation")));
        if (!d.security()) {
            rows.add(empty("No defaultSecuritySetting: it replaces nothing below it."));
        } else if (d.attachments().isEmpty()) {
            rows.add(empty("No extensions: this default switches the levels above off below it."));
        }
        for (Attachment a : d.attachments()) {
            String name = a.fqn().substring(a.fqn().lastIndexOf('/') + 1);
            Div row = new Div(new Span(name)); // the list's own numbering says the position
            row.addClassNames("attachment-row", "default-attachment");
            if (a.overridesConfig()) {
                row.add(muted(" · own config", "attachment-override"));
            }
            if (a.overridesMatch()) {
                row.add(muted(" · own match", "attachment-override"));
            }
            if (canEdit) {
                row.add(actions(labelledAction("Detach", "Detach " + name + " from " + d.fqn(), VaadinIcon.UNLINK,
                        () -> confirmDetach(s, a.fqn(), name))));
            }
            rows.add(row);
        }
        if (canEdit) {
            rows.add(actions(attachButton(d.ref(), s.etag())));
        }
        return rows;
    }

    private Button attachButton(SettingRef ref, String etag) {
        Button button = action("Attach extension…", VaadinIcon.PLUS, () -> openAttach(ref, etag));
        button.setAriaLabel("Attach an extension to the " + ref.level().label().toLowerCase() + " of "
                + ref.ownerFqn());
        return button;
    }

    private void openAttach(SettingRef ref, String etag) {
        List<ExtensionDefinition> allowed = new ArrayList<>();
        extensions.forEach(ExtensionFilter.all(organization), e -> {
            if (DefaultSettingService.allowedAt(e.definition(), ref)) {
                allowed.add(e.definition());
            }
        });
        Dialog dialog = new Dialog();
        dialog.addClassName("default-setting-dialog");
        dialog.setHeaderTitle("Attach to " + ref.level().documentKind() + " of " + ref.ownerFqn());
        ComboBox<ExtensionDefinition> picker = new ComboBox<>("Extension");
        picker.setItems(allowed);
        picker.setItemLabelGenerator(x -> x.displayName() == null ? x.name() : x.displayName() + " (" + x.name() + ")");
        picker.setHelperText(ref.level() == SettingLevel.ORGANIZATION
                ? "Only extensions open to all tenants: an organization default reaches every tenant"
                : "Extensions tenant " + tenant + " may use");
        picker.setWidthFull();
        Button attach = new Button("Attach", e -> {
            if (picker.getValue() == null) {
                picker.setInvalid(true);
                picker.setErrorMessage("Choose the extension to attach");
                return;
            }
            if (save(() -> settings.attach(ref, Attachment.of(picker.getValue().fqn()), etag))) {
                dialog.close();
            }
        });
        attach.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(picker);
        dialog.getFooter().add(new Button("Cancel", e -> dialog.close()), attach);
        dialog.open();
    }

    private void confirmDetach(StoredSetting s, String fqn, String name) {
        ConfirmDialog dialog = ConfirmDialogs.destructive("Detach");
        dialog.setHeader("Detach " + name + "?");
        dialog.setText("It stops running on the workloads that " + s.ref().fqn() + " reaches; the extension stays in"
                + " the catalogue.");
        dialog.addConfirmListener(e -> save(() -> settings.detach(s.ref(), fqn, s.etag())));
        dialog.open();
    }

    private boolean save(java.util.function.Supplier<StoredSetting> write) {
        try {
            StoredSetting saved = write.get();
            Notify.success("Saved " + saved.ref().fqn());
            refresh();
            return true;
        } catch (ValidationException e) {
            Notify.error(e.getMessage());
        } catch (ConflictException | NotFoundException e) {
            Notify.error(e.getMessage() + " The section was reloaded.");
            refresh();
        }
        return false;
    }

    /** For tests: the setting of an owner shown here, if any. */
    Optional<StoredSetting> shown(SettingRef ref) {
        return settings.find(ref);
    }
}
