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
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.security.access.AccessDeniedException;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionUsage;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.base.ui.Notify;

/**
 * One extension: a header with its identity and the admin actions, then the tabs that the modules
 * contribute as {@link ExtensionSection}s, in their order: every field (Overview), the exact YAML
 * document, where it is used, its recorded History, its config schema and its Wasm module. Operators
 * may open what they can see; anything else, like an unknown name, shows the same "not found" state.
 */
@Route("extensions/:name")
@PermitAll
@StyleSheet("context://themes/console/details.css")
@StyleSheet("context://themes/console/where-used.css")
public class ExtensionDetailsView extends Div implements BeforeEnterObserver, HasDynamicTitle {

    static final String SUFFIX = " · Wasm Extension Console";

    private final ExtensionService service;
    private final ExtensionUsage usage;
    private final List<ExtensionSection> sections;
    private final String organization;
    private final boolean admin;
    private String title = "Extension" + SUFFIX;

    public ExtensionDetailsView(ExtensionService service, ExtensionUsage usage, List<ExtensionSection> sections,
                                ConsoleOrganization organization, AuthenticationContext authentication) {
        this.service = service;
        this.usage = usage;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ExtensionSection::order)).toList();
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
        for (int index = 0; index < sections.size(); index++) {
            int tabIndex = index;
            Consumer<StoredExtension> reshowHere = changed -> show(changed, tabIndex);
            ExtensionSection.Tab tab = sections.get(index).tab(stored, new SectionPage(organization, admin, reshowHere));
            if (!tab.lazy()) {
                tabs.add(tab.label(), tab.content().get());
                continue;
            }
            Div placeholder = new Div();
            tab.placeholderClasses().forEach(placeholder::addClassName);
            tabs.add(tab.label(), placeholder);
            tabs.addSelectedChangeListener(e -> {
                if (tabs.getSelectedIndex() == tabIndex && placeholder.getComponentCount() == 0) {
                    placeholder.add(tab.content().get());
                }
            });
        }
        add(header, tabs);
        tabs.setSelectedIndex(selectedTab);
    }

    /** What this page offers its sections. */
    private record SectionPage(String organization, boolean admin, Consumer<StoredExtension> reshowHere)
            implements ExtensionSection.Page {
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
        List<ExtensionUsage.Place> usages = usage.whereUsed(stored.fqn());
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
