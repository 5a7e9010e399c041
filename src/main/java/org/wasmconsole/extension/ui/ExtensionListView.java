package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.function.BiConsumer;
import org.wasmconsole.base.ui.ViewHeader;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionInUseException;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionUsage;
import org.wasmconsole.extension.ModuleCheckParts;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.InUse;
import org.wasmconsole.extension.yaml.ExtensionExport;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantService;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.Fqn;

/**
 * The catalogue: every extension the signed-in user may see, one database page at a time, in
 * the order the proxy runs them (phase, then priority, then name), with filters kept in the URL
 * and bulk export and delete of a selection.
 */
@Route("")
@PageTitle("Extensions · Wasm Extension Console")
@Menu(title = "Extensions", order = 1)
@PermitAll
@StyleSheet("context://themes/console/where-used.css")
public class ExtensionListView extends VerticalLayout implements BeforeEnterObserver {

    private final ExtensionService service;
    private final ExtensionUsage usage;
    private final String organization;
    private final boolean admin;
    private final Grid<ExtensionSummary> grid = ExtensionGrid.create();
    private final CatalogueFilters filters;
    private final Span count = new Span();
    /** The matches of {@code currentFilter} as last counted by {@link #refresh()}. */
    private long currentCount;
    private final Button deleteSelected = new Button("Delete", VaadinIcon.TRASH.create());
    private final Anchor exportSelected;
    private final Div emptyState = new Div();
    private final ModuleCheckParts.SelectionAction pinSelected;
    /** What the download handlers export; they run outside the UI lock, so they read these, not components. */
    private volatile ExtensionFilter currentFilter;
    private volatile List<String> selectedNames = List.of();
    /** The proxy order the grid starts with, as the URL would write it. */
    private final String defaultSort;

    public ExtensionListView(ExtensionService service, ExtensionUsage usage, TenantService tenants,
                             ExtensionExport export, ModuleCheckParts moduleCheck, ConsoleOrganization organization,
                             AuthenticationContext authentication) {
        this.service = service;
        this.usage = usage;
        this.organization = organization.name();
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.filters = new CatalogueFilters(tenants.list(this.organization), this::filtersChanged);
        filters.withTagMovedFilter(moduleCheck::namesWithMovedTag);
        this.pinSelected = moduleCheck.pinSelected(this.organization, () -> selectedNames, this::refresh);
        pinSelected.component().setVisible(admin);
        this.currentFilter = ExtensionFilter.all(this.organization);
        addClassName("extension-list-view");
        setSizeFull();

        exportSelected = download("Export selected", VaadinIcon.DOWNLOAD_ALT,
                (e, out) -> export.write(this.organization, selectedNames, out));
        Anchor exportAll = download("Export all matching", VaadinIcon.DOWNLOAD,
                (e, out) -> export.write(currentFilter, out));
        deleteSelected.addThemeVariants(ButtonVariant.LUMO_ERROR);
        deleteSelected.addClickListener(e -> confirmDelete());
        deleteSelected.setVisible(admin);
        Button create = ViewHeader.createButton("Create extension", e -> openCreate());
        create.setVisible(admin);

        HorizontalLayout header = ViewHeader.of("Extensions", count, ExtensionGrid.columnChooser(grid),
                exportSelected, exportAll, pinSelected.component(), deleteSelected, create);

        grid.setItems(query -> service.list(currentFilter, VaadinSpringDataHelpers.toSpringPageRequest(query))
                .stream(), query -> (int) Math.min(Integer.MAX_VALUE, currentCount));
        grid.addSelectionListener(e -> selectionChanged());
        defaultSort = CatalogueSort.write(grid.getSortOrder());
        grid.addSortListener(e -> {
            if (e.isFromClient()) {
                filtersChanged();
            }
        });
        emptyState.addClassName("empty-state");
        add(header, filters, grid, emptyState);
        selectionChanged();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters();
        filters.read(parameters);
        var sort = CatalogueSort.read(grid, parameters.getSingleParameter(CatalogueSort.PARAMETER).orElse(defaultSort));
        if (!CatalogueSort.write(sort).equals(CatalogueSort.write(grid.getSortOrder()))) {
            grid.sort(sort.isEmpty() ? CatalogueSort.read(grid, defaultSort) : sort);
        }
        refresh();
    }

    /** A filter change becomes a navigation, so that the URL and the browser history follow it. */
    private void filtersChanged() {
        UI.getCurrent().navigate(ExtensionListView.class, CatalogueSort.with(filters.toQueryParameters(),
                CatalogueSort.write(grid.getSortOrder()), defaultSort));
    }

    private void refresh() {
        currentFilter = filters.toFilter(organization);
        // Counted once per filter and shared with the grid: a count scans every match (1.5 s on H2 at 100k).
        long matches = service.count(currentFilter);
        currentCount = matches;
        count.setText(matches == 1 ? "1 extension" : String.format("%,d extensions", matches));
        grid.deselectAll();
        grid.getDataProvider().refreshAll();
        grid.setVisible(matches > 0);
        emptyState.setVisible(matches == 0);
        if (matches == 0) {
            fillEmptyState();
        }
    }

    private void selectionChanged() {
        selectedNames = grid.getSelectedItems().stream().map(ExtensionSummary::name).sorted().toList();
        int n = selectedNames.size();
        exportSelected.setEnabled(n > 0);
        ((Button) exportSelected.getChildren().findFirst().orElseThrow())
                .setText(n == 0 ? "Export selected" : "Export " + n + " selected");
        deleteSelected.setEnabled(n > 0);
        deleteSelected.setText(n == 0 ? "Delete" : "Delete " + n);
        pinSelected.selectionChanged().accept(n);
    }

    private void confirmDelete() {
        List<String> names = grid.getSelectedItems().stream().map(ExtensionSummary::name)
                .sorted(Comparator.naturalOrder()).toList();
        if (names.isEmpty()) {
            return;
        }
        List<ExtensionUsage.Place> usages;
        try {
            usages = names.stream().flatMap(n -> usage.whereUsed(ExtensionDefinition.fqn(organization, n))
                    .stream()).toList();
        } catch (NotFoundException e) {
            Notify.error("Nothing was deleted: " + e.getMessage() + " (deleted by someone else?)");
            refresh();
            return;
        }
        boolean one = names.size() == 1;
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.addClassName("catalogue-delete-dialog");
        dialog.setHeader(one ? "Delete " + names.getFirst() + "?" : "Delete " + names.size() + " extensions?");
        Div body = new Div(new Paragraph(one ? "This extension will be removed from the catalogue."
                : "These extensions will be removed from the catalogue:"));
        if (!one) {
            Div list = new Div();
            list.addClassName("delete-list");
            names.forEach(n -> list.add(new Div(new Span(n))));
            body.add(list);
        }
        if (usages.isEmpty()) {
            body.add(new Paragraph("An admin can restore " + (one ? "it" : "each of them") + " from History."));
            dialog.setConfirmText(one ? "Delete" : "Delete " + names.size());
        } else {
            dialog.addClassName("in-use-dialog");
            dialog.setWidth(UsageList.DIALOG_WIDTH);
            List<String> attached = usages.stream().map(u -> u.extensionFqn())
                    .map(Fqn::nameOf).distinct().toList();
            String where = " attached in " + UsageList.places(usages.size()) + ":";
            body.add(new Paragraph(one ? "It is" + where
                            : attached.size() == 1 ? attached.getFirst() + " is" + where
                            : attached.size() + " of them are" + where),
                    new UsageList(usages, !one),
                    new Paragraph("Deleting detaches " + (one ? "it" : "them") + " from all of these in the same"
                            + " step: their proxies stop running " + (one ? "it" : "them")
                            + ". An admin can restore " + (one ? "it" : "each") + " from History and attach it"
                            + " again where those places still exist."));
            dialog.setConfirmText(one ? "Detach everywhere and delete" : "Detach everywhere and delete "
                    + names.size());
        }
        InUse inUse = usages.isEmpty() ? InUse.REFUSE : InUse.DETACH;
        dialog.setText(body);
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.addConfirmListener(e -> delete(names, inUse));
        dialog.open();
    }

    private void delete(List<String> names, InUse inUse) {
        try {
            service.deleteAll(organization, names, inUse);
            String what = names.size() == 1 ? names.getFirst() : names.size() + " extensions";
            Notify.success((inUse == InUse.DETACH ? "Detached and deleted " : "Deleted ") + what);
        } catch (NotFoundException e) {
            Notify.error("Nothing was deleted: " + e.getMessage() + " (deleted by someone else?)");
        } catch (ExtensionInUseException e) {
            // Attached by someone else between the question and the answer: nothing was deleted.
            Notify.error("Nothing was deleted: " + e.getMessage() + ".");
        } catch (ConflictException e) {
            Notify.error("Nothing was deleted: " + e.getMessage());
        }
        refresh();
    }

    private void openCreate() {
        UI.getCurrent().navigate("extensions/new");
    }

    private void fillEmptyState() {
        emptyState.removeAll();
        emptyState.add(VaadinIcon.PUZZLE_PIECE.create());
        if (filters.isActive()) {
            emptyState.add(new H2("No extensions match these filters"),
                    new Paragraph("Try other words, or clear the filters to see the whole catalogue."),
                    new Button("Clear filters", e -> {
                        filters.clear();
                        filtersChanged();
                    }));
        } else {
            emptyState.add(new H2("No extensions yet"), new Paragraph(admin
                    ? "Create the first one, or import a YAML file exported from tctl."
                    : "No extension is available to your tenants yet. Ask a platform admin."));
            if (admin) {
                Button create = ViewHeader.createButton("Create extension", e -> openCreate());
                emptyState.add(create);
            }
        }
    }

    private Anchor download(String text, VaadinIcon icon, BiConsumer<ExtensionFilter, Writer> writer) {
        DownloadHandler handler = event -> {
            event.setFileName(ExtensionExport.fileName(organization, LocalDate.now()));
            event.setContentType("application/yaml");
            try (Writer out = new OutputStreamWriter(event.getOutputStream(), StandardCharsets.UTF_8)) {
                writer.accept(currentFilter, out);
            }
        };
        Anchor anchor = new Anchor(handler, "");
        anchor.getElement().setAttribute("download", true);
        Button button = new Button(text, icon.create());
        button.setTabIndex(-1);
        anchor.add(button);
        return anchor;
    }

}
