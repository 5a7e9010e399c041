package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.spring.data.VaadinSpringDataHelpers;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.TenantAssignmentService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.TenantAssignment;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The searchable picker of extensions not yet assigned to a tenant: a lazy grid over the
 * service's paged query, multi-select; the selection survives changing the search text.
 */
class AssignExtensionsDialog extends Dialog {

    private final TextField search = new TextField();
    private final Grid<ExtensionSummary> grid =
            TenantExtensionGrid.create("picker-grid", "Extensions to assign");
    private final Button assign = new Button("Assign");
    private final Span selectedCount = new Span();

    AssignExtensionsDialog(TenantAssignmentService assignments, String organization, TenantInfo tenant,
                           Consumer<List<ExtensionSummary>> onAssign) {
        addClassName("assign-picker");
        setHeaderTitle("Assign extensions to " + tenant.name());
        setWidth("min(64rem, 95vw)");
        search.setPlaceholder("Search name, display name, URL, summary…");
        search.setAriaLabel("Search extensions");
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setClearButtonVisible(true);
        search.setWidthFull();
        Paragraph note = new Paragraph("Extensions not yet assigned to " + tenant.name() + ". Those marked "
                + "\"All tenants\" are available to every tenant today: assigning one restricts it to "
                + tenant.name() + " only, which you will be asked to confirm.");
        note.addClassName("section-note");
        grid.setHeight("24rem");
        grid.setItems(q -> assignments.listForTenant(filter(organization, tenant), TenantAssignment.NOT_ASSIGNED,
                VaadinSpringDataHelpers.toSpringPageRequest(q)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE,
                        assignments.countForTenant(filter(organization, tenant), TenantAssignment.NOT_ASSIGNED)));
        // The grid keeps its selection across refreshes: what was picked before a new search stays picked.
        search.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        grid.addSelectionListener(e -> selectionChanged());
        add(note, search, grid);

        selectedCount.addClassName("match-count");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickListener(e -> {
            List<ExtensionSummary> chosen = grid.getSelectedItems().stream()
                    .sorted(Comparator.comparing(ExtensionSummary::name)).toList();
            close();
            onAssign.accept(chosen);
        });
        getFooter().add(selectedCount, new Button("Cancel", e -> close()), assign);
        selectionChanged();
    }

    private ExtensionFilter filter(String organization, TenantInfo tenant) {
        return new ExtensionFilter(organization, search.getValue(), null, null, tenant.fqn());
    }

    private void selectionChanged() {
        int n = grid.getSelectedItems().size();
        assign.setEnabled(n > 0);
        assign.setText(n == 0 ? "Assign" : "Assign " + n);
        selectedCount.setText(n == 0 ? "" : n + " selected");
    }
}
