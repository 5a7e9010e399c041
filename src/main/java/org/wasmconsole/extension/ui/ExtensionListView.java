package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.OciReference;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.tenant.ConsoleOrganization;

/**
 * The catalogue: every extension the signed-in user may see, one database page at a time,
 * in the order the proxy runs them (phase, then priority, then name).
 */
@Route("")
@PageTitle("Extensions · Wasm Extension Console")
@Menu(title = "Extensions", order = 1)
@PermitAll
public class ExtensionListView extends VerticalLayout {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
            .withZone(ZoneId.systemDefault());

    private final ExtensionService service;
    private final String organization;
    private final Grid<ExtensionSummary> grid = new Grid<>(ExtensionSummary.class, false);
    private final TextField search = new TextField();
    private final Span count = new Span();
    private final Div emptyState = emptyState();

    public ExtensionListView(ExtensionService service, ConsoleOrganization organization) {
        this.service = service;
        this.organization = organization.name();
        addClassName("extension-list-view");
        setSizeFull();

        H2 title = new H2("Extensions");
        search.setPlaceholder("Search name, URL, description…");
        search.setAriaLabel("Search extensions");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setClearButtonVisible(true);
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.addValueChangeListener(e -> refresh());
        search.setWidth("22rem");
        count.addClassName("match-count");
        HorizontalLayout header = new HorizontalLayout(title, search, count);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.setWidthFull();
        header.addClassName("view-header");

        configureGrid();
        add(header, grid, emptyState);
        refresh();
    }

    private void configureGrid() {
        grid.addClassName("extension-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAriaLabel("Extensions");
        Grid.Column<ExtensionSummary> name = grid.addColumn(new ComponentRenderer<>(ExtensionListView::nameCell))
                .setHeader("Name").setKey("name").setSortProperty("name").setWidth("12rem").setFlexGrow(1);
        Grid.Column<ExtensionSummary> phase = grid.addColumn(s -> s.phase().label()).setHeader("Phase")
                .setKey("phase").setSortProperty("phase").setWidth("10.5rem").setFlexGrow(0);
        Grid.Column<ExtensionSummary> priority = grid.addColumn(ExtensionSummary::priority).setHeader("Priority")
                .setKey("priority").setSortProperty("priority").setTextAlign(ColumnTextAlign.END)
                .setWidth("7.5rem").setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ExtensionListView::pullPolicyCell)).setHeader("Pull policy")
                .setKey("pullPolicy").setSortProperty("effectivePullPolicy").setWidth("9.5rem").setFlexGrow(0);
        grid.addColumn(s -> shortUrl(s.url())).setHeader("URL").setKey("url").setSortProperty("url")
                .setWidth("12rem").setFlexGrow(2).setTooltipGenerator(ExtensionSummary::url);
        grid.addColumn(s -> s.allowedTenants().isEmpty() ? "All tenants" : String.join(", ", s.allowedTenants()))
                .setHeader("Allowed tenants").setKey("tenants").setWidth("10rem").setFlexGrow(1)
                .setTooltipGenerator(s -> String.join(", ", s.allowedTenants()));
        grid.addColumn(s -> WHEN.format(s.updatedAt())).setHeader("Last changed").setKey("updated")
                .setSortProperty("updatedAt").setWidth("11.5rem").setFlexGrow(0);
        grid.setMultiSort(true, true);
        grid.sort(List.of(new GridSortOrder<>(phase, SortDirection.ASCENDING),
                new GridSortOrder<>(priority, SortDirection.DESCENDING),
                new GridSortOrder<>(name, SortDirection.ASCENDING)));
        grid.setItems(query -> service.list(filter(), VaadinSpringDataHelpers.toSpringPageRequest(query)).stream(),
                query -> (int) Math.min(Integer.MAX_VALUE, service.count(filter())));
    }

    private ExtensionFilter filter() {
        String text = search.getValue().isBlank() ? null : search.getValue();
        return new ExtensionFilter(organization, text, null, null, null);
    }

    private void refresh() {
        long matches = service.count(filter());
        count.setText(matches == 1 ? "1 extension" : matches + " extensions");
        grid.getDataProvider().refreshAll();
        boolean empty = matches == 0;
        grid.setVisible(!empty);
        emptyState.setVisible(empty);
    }

    private static Component nameCell(ExtensionSummary s) {
        Span name = new Span(s.name());
        name.addClassName("extension-name");
        Div cell = new Div(name);
        cell.addClassName("name-cell");
        if (s.displayName() != null && !s.displayName().isBlank()) {
            Span display = new Span(s.displayName());
            display.addClassName("extension-display-name");
            cell.add(display);
        }
        return cell;
    }

    /** The effective policy, and below it how it came about when that is not the chosen one. */
    private static Component pullPolicyCell(ExtensionSummary s) {
        Div cell = new Div(new Span(s.effectivePullPolicy().wireName()));
        cell.addClassName("name-cell");
        cell.getElement().setAttribute("title", "Chosen: " + s.imagePullPolicy().wireName()
                + "; effective: " + s.effectivePullPolicy().wireName());
        String origin = null;
        if (s.imagePullPolicy() == PullPolicy.UNSPECIFIED_POLICY) {
            origin = "default";
        } else if (s.imagePullPolicy() != s.effectivePullPolicy()) {
            origin = "pinned by digest";
        }
        if (origin != null) {
            Span note = new Span(origin);
            note.addClassName("cell-note");
            cell.add(note);
        }
        return cell;
    }

    private static String shortUrl(String url) {
        return OciReference.fromUrl(url).map(OciReference::shortForm).orElse(url);
    }

    private Div emptyState() {
        Div box = new Div();
        box.addClassName("empty-state");
        box.add(VaadinIcon.PUZZLE_PIECE.create(), new H2("No extensions match"),
                new Paragraph("Nothing here yet, or nothing matches the search. Clear the search to see everything."));
        box.setVisible(false);
        return box;
    }
}
