package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import org.springframework.security.access.AccessDeniedException;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.audit.ui.ExtensionHistoryPanel;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.resource.ExtensionYaml;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;

/**
 * One extension: a header with its identity and the admin actions, then tabs for every field
 * (Overview), the exact YAML document, where it is used, and its recorded History. Operators may open what they can
 * see; anything else, like an unknown name, shows the same "not found" state.
 */
@Route("extensions/:name")
@PermitAll
@StyleSheet("context://themes/console/details.css")
public class ExtensionDetailsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String SUFFIX = " · Wasm Extension Console";

    static final int HISTORY_TAB = 3;

    private final ExtensionService service;
    private final AuditService audit;
    private final String organization;
    private final boolean admin;
    private String title = "Extension" + SUFFIX;

    public ExtensionDetailsView(ExtensionService service, AuditService audit, ConsoleOrganization organization,
                                AuthenticationContext authentication) {
        this.service = service;
        this.audit = audit;
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
        tabs.add("Where used", whereUsed(stored));
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
        add(header, tabs);
        tabs.setSelectedIndex(selectedTab);
    }

    private static Div whereUsed(StoredExtension stored) {
        Div box = new Div();
        box.addClassNames("empty-state", "where-used");
        box.add(VaadinIcon.CONNECT.create(), new H3("Attachments are not tracked yet"),
                new Paragraph("Gateways (Ingress, Egress, Tier-1) and the security settings of security groups"
                        + " switch an extension on by naming its FQN. Once the console tracks them, they will be"
                        + " listed here, with the tenant each one belongs to."),
                new Paragraph("Until then, search your configuration for " + stored.fqn() + "."));
        return box;
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

    private void confirmDelete(StoredExtension stored) {
        String name = stored.definition().name();
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("details-delete-dialog");
        dialog.setHeader("Delete " + name + "?");
        dialog.setText("This cannot be undone. Gateways and security settings that attach it"
                + " will no longer find it.");
        dialog.setCancelable(true);
        dialog.setCancelText("Cancel");
        dialog.setConfirmText("Delete");
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete(stored));
        dialog.open();
    }

    private void delete(StoredExtension stored) {
        String name = stored.definition().name();
        try {
            service.delete(organization, name, stored.etag());
        } catch (ConflictException e) {
            notify(e.getMessage(), NotificationVariant.LUMO_ERROR);
            return;
        } catch (NotFoundException e) {
            notify(name + " no longer exists: someone else deleted it.", NotificationVariant.LUMO_WARNING);
            UI.getCurrent().navigate(ExtensionListView.class);
            return;
        } catch (AccessDeniedException e) {
            notify("Only platform admins can delete extensions.", NotificationVariant.LUMO_ERROR);
            return;
        }
        notify("Deleted " + name + ".", NotificationVariant.LUMO_SUCCESS);
        UI.getCurrent().navigate(ExtensionListView.class);
    }

    private static void notify(String message, NotificationVariant variant) {
        Notification notification = new Notification(message, variant == NotificationVariant.LUMO_SUCCESS ? 4000 : 8000,
                Notification.Position.BOTTOM_END);
        notification.addThemeVariants(variant);
        notification.open();
    }
}
