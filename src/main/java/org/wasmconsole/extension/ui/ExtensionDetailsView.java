package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.artifact.ui.ModulePanel;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.Usage;
import org.wasmconsole.attachment.ui.WhereUsedPanel;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.audit.ui.ExtensionHistoryPanel;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ui.config.ConfigSchemaPanel;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.ExtensionYaml;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.base.ui.Notify;

/**
 * One extension: a header with its identity and the admin actions, then tabs for every field
 * (Overview), the exact YAML document, where it is used, and its recorded History. Operators may open what they can
 * see; anything else, like an unknown name, shows the same "not found" state.
 */
@Route("extensions/:name")
@PermitAll
@StyleSheet("context://themes/console/details.css")
@StyleSheet("context://themes/console/where-used.css")
public class ExtensionDetailsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String SUFFIX = " · Wasm Extension Console";

    static final int HISTORY_TAB = 3;
    static final int CONFIG_SCHEMA_TAB = HISTORY_TAB + 1;
    static final int MODULE_TAB = CONFIG_SCHEMA_TAB + 1;

    private final ExtensionService service;
    private final AuditService audit;
    private final AttachmentService attachments;
    private final ConfigSchemaService configSchemas;
    private final ModuleService modules;
    private final String organization;
    private final boolean admin;
    private String title = "Extension" + SUFFIX;

    public ExtensionDetailsView(ExtensionService service, AuditService audit, AttachmentService attachments,
                                ConfigSchemaService configSchemas, ModuleService modules,
                                ConsoleOrganization organization, AuthenticationContext authentication) {
        this.configSchemas = configSchemas;
        this.modules = modules;
        this.service = service;
        this.audit = audit;
        this.attachments = attachments;
        this.organization = organization.name();
        this.admin = authentication.hasRole(Roles.ADMIN);
        addClassName("extension-details-view");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        service.find(organization, name).ifPresentOrElse(this::show, () -> showNotFound(name));
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    private void show(StoredExtension stored) {
        show(stored, 0);
    }

    /** Shows the extension with the given tab selected (after a restore: History, with the new version). */
    private void show(StoredExtension stored, int selectedTab) {
        removeAll();
        String name = stored.definition().name();
        title = name + " · Extensions" + SUFFIX;
        ExtensionDetailsHeader header = new ExtensionDetailsHeader(stored.definition(), admin,
                () -> UI.getCurrent().navigate("extensions/" + name + "/edit"), () -> confirmDelete(stored));

        TabSheet tabs = new TabSheet();
        tabs.addClassName("details-tabs");
        tabs.add("Overview", new ExtensionOverview(stored));
        tabs.add("YAML", new ExtensionDetailsYaml(organization, name, ExtensionYaml.write(stored)));
        WhereUsedPanel whereUsed = new WhereUsedPanel(attachments, stored.fqn(), name, admin);
        tabs.add(whereUsed.usageCount() == 0 ? "Where used" : "Where used (" + whereUsed.usageCount() + ")",
                whereUsed);
        // Read from the audit trail only when the tab is opened.
        Div history = new Div();
        history.addClassName("details-history");
        tabs.add("History", history);
        tabs.addSelectedChangeListener(e -> {
            if (tabs.getSelectedIndex() == HISTORY_TAB && history.getComponentCount() == 0) {
                history.add(new ExtensionHistoryPanel(audit, organization, name, stored.etag(), admin,
                        restored -> show(restored, HISTORY_TAB)));
            }
        });
        // Last, so that the other tabs keep their indexes (#19).
        tabs.add("Config schema", new ConfigSchemaPanel(configSchemas, stored, admin,
                saved -> service.find(organization, name).ifPresent(s -> show(s, CONFIG_SCHEMA_TAB))));
        // Read (no fetch) when the tab is opened; the panel checks the url on demand.
        Div module = new Div();
        tabs.add("Module", module);
        tabs.addSelectedChangeListener(e -> {
            if (tabs.getSelectedIndex() == MODULE_TAB && module.getComponentCount() == 0) {
                module.add(new ModulePanel(modules, stored, admin, pinned -> show(pinned, MODULE_TAB)));
            }
        });
        add(header, tabs);
        tabs.setSelectedIndex(selectedTab);
    }

    private void showNotFound(String name) {
        title = "Extension not found" + SUFFIX;
        Div box = new Div();
        box.addClassNames("empty-state", "details-not-found");
        RouterLink back = new RouterLink("Back to the catalogue", ExtensionListView.class);
        back.addClassName("details-back-button");
        box.add(VaadinIcon.SEARCH_MINUS.create(), new H2("Extension not found"),
                new Paragraph("There is no extension named \u201c" + name + "\u201d in organization "
                        + organization + " that you can see. It may have been deleted or renamed,"
                        + " or it is not available to your tenants."),
                back);
        add(box);
    }

    /**
     * Asks before deleting. When the extension is attached somewhere, says where and offers to detach it
     * everywhere in the same transaction; otherwise the plain confirmation.
     */
    private void confirmDelete(StoredExtension stored) {
        String name = stored.definition().name();
        List<Usage> usages = attachments.whereUsed(stored.fqn());
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("details-delete-dialog");
        dialog.setHeader("Delete " + name + "?");
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmButtonTheme("error primary");
        if (usages.isEmpty()) {
            dialog.setText("It is not attached anywhere. An admin can restore it from History.");
            dialog.setConfirmText("Delete");
            dialog.addConfirmListener(e -> delete(stored, InUse.REFUSE));
        } else {
            dialog.addClassName("in-use-dialog");
            dialog.setWidth(UsageList.DIALOG_WIDTH);
            dialog.setText(new Div(
                    new Paragraph(name + " is attached in " + UsageList.places(usages.size()) + ":"),
                    new UsageList(usages, false),
                    new Paragraph("Deleting it detaches it from all of them in the same step: their proxies stop"
                            + " running it. An admin can restore it from History and attach it again where those"
                            + " places still exist; a config or match set only in a place is not kept.")));
            dialog.setConfirmText("Detach everywhere and delete");
            dialog.addConfirmListener(e -> delete(stored, InUse.DETACH));
        }
        dialog.open();
    }

    private void delete(StoredExtension stored, InUse inUse) {
        String name = stored.definition().name();
        try {
            service.delete(organization, name, stored.etag(), inUse);
        } catch (ExtensionInUseException e) {
            // Attached by someone else between the question and the answer: nothing was deleted.
            Notify.error("Nothing was deleted: " + e.getMessage() + ".");
            return;
        } catch (ConflictException e) {
            Notify.error(e.getMessage());
            return;
        } catch (NotFoundException e) {
            Notify.warning(name + " no longer exists: someone else deleted it.");
            UI.getCurrent().navigate(ExtensionListView.class);
            return;
        } catch (AccessDeniedException e) {
            Notify.error("Only platform admins can delete extensions.");
            return;
        }
        Notify.success(inUse == InUse.DETACH ? "Detached and deleted " + name + "." : "Deleted " + name + ".");
        UI.getCurrent().navigate(ExtensionListView.class);
    }
}
