package org.wasmconsole.audit.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.RolesAllowed;
import org.wasmconsole.audit.AuditEntry;
import org.wasmconsole.audit.AuditFilter;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.security.Roles;

/**
 * The audit trail for admins: every recorded change, sign-in and refusal, newest first, a database
 * page at a time, with filters kept in the URL. A record of a resource change opens its documents
 * before and after, from where an older version, or a deleted extension, can be restored.
 */
@Route("history")
@PageTitle("History · Wasm Extension Console")
@RolesAllowed(Roles.ADMIN)
@StyleSheet("context://themes/console/history.css")
public class HistoryView extends VerticalLayout implements BeforeEnterObserver {

    private final AuditService audit;
    private final ExtensionService extensions;
    private final HistoryFilters filters = new HistoryFilters(this::filtersChanged);
    private final Grid<AuditEntry> grid = new Grid<>();
    private final Span count = new Span();
    private final Div emptyState = new Div();
    private AuditFilter currentFilter = AuditFilter.all();
    /** Records matching {@code currentFilter}, counted when it was set. */
    private long matches;

    public HistoryView(AuditService audit, ExtensionService extensions) {
        this.audit = audit;
        this.extensions = extensions;
        addClassName("history-view");
        setSizeFull();

        H2 title = new H2("History");
        count.addClassName("match-count");
        HorizontalLayout header = new HorizontalLayout(title, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.addClassName("view-header");

        grid.addClassName("history-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> HistoryFormat.when(e.time())).setHeader("Time").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEntry::username).setHeader("User").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(e -> HistoryFormat.action(e.action()))).setHeader("Action")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(HistoryView::resourceCell)).setHeader("Resource").setWidth("16rem")
                .setFlexGrow(1);
        grid.addColumn(e -> e.summary() == null ? "" : e.summary()).setHeader("Summary").setFlexGrow(3);
        grid.addColumn(new ComponentRenderer<>(e -> {
            if (!e.hasDocuments()) {
                return new Span();
            }
            Span open = new Span(VaadinIcon.FILE_TEXT_O.create());
            open.addClassName("record-has-documents");
            open.getElement().setAttribute("title", "Before and after: click the row");
            return open;
        })).setHeader("").setWidth("3rem").setFlexGrow(0).setTextAlign(ColumnTextAlign.CENTER);
        // The count is the expensive half of a filtered page at scale (docs/benchmarks.md, item 6): counted
        // once per filter change, in refresh(), for the header and the grid alike.
        grid.setItems(query -> audit.list(currentFilter, VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, matches));
        grid.setPartNameGenerator(e -> e.hasDocuments() ? "has-documents" : null);
        grid.addItemClickListener(e -> open(e.getItem()));
        emptyState.addClassName("empty-state");
        add(header, filters, grid, emptyState);
    }

    private static Div resourceCell(AuditEntry e) {
        Span name = new Span(e.shortName());
        name.addClassName("resource-name");
        Span type = new Span(e.resourceType().label() + (e.organization() == null ? "" : " \u00b7 " + e.organization()));
        type.addClassName("cell-note");
        Div cell = new Div(name, type);
        cell.addClassName("resource-cell");
        cell.getElement().setAttribute("title", e.resourceName() == null ? "" : e.resourceName());
        return cell;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        filters.read(event.getLocation().getQueryParameters());
        refresh();
    }

    private void filtersChanged() {
        UI.getCurrent().navigate(HistoryView.class, filters.toQueryParameters());
    }

    private void refresh() {
        currentFilter = filters.toFilter();
        matches = audit.count(currentFilter);
        count.setText(matches == 1 ? "1 record" : String.format("%,d records", matches));
        grid.getDataProvider().refreshAll();
        grid.setVisible(matches > 0);
        emptyState.setVisible(matches == 0);
        emptyState.removeAll();
        if (matches == 0) {
            emptyState.add(VaadinIcon.TIME_BACKWARD.create());
            if (filters.isActive()) {
                emptyState.add(new H2("No records match these filters"),
                        new Paragraph("Try another user, resource, action or time range, or clear the filters."),
                        new Button("Clear filters", e -> {
                            filters.clear();
                            filtersChanged();
                        }));
            } else {
                emptyState.add(new H2("Nothing recorded yet"),
                        new Paragraph("Changes to extensions, tenants and users, sign-ins and refusals appear here."));
            }
        }
    }

    private void open(AuditEntry entry) {
        if (!entry.hasDocuments()) {
            return;
        }
        audit.find(entry.id()).ifPresent(details -> new RecordDialog(audit, extensions, details, this::refresh).open());
    }
}
