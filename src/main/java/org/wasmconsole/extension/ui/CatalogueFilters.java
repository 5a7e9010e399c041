package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.wasmconsole.extension.ExtensionFilter;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.base.ui.AnyOfSelect;
import org.wasmconsole.base.ui.FilterFields;
import org.wasmconsole.tenant.TenantInfo;

/**
 * The catalogue's filters, kept in the URL ({@code ?q=…&phase=…&pull=…&tenant=…}) so that a
 * filtered list can be bookmarked and the back button steps through earlier filters.
 */
class CatalogueFilters extends HorizontalLayout {

    private final TextField text = new TextField();
    private final AnyOfSelect<PluginPhase> phase = new AnyOfSelect<>("Any phase", PluginPhase::label, "11rem",
            List.of(PluginPhase.values()));
    private final AnyOfSelect<PullPolicy> pullPolicy = new AnyOfSelect<>("Any pull policy", PullPolicy::wireName,
            "11rem", List.of(PullPolicy.IF_NOT_PRESENT, PullPolicy.ALWAYS));
    private final ComboBox<TenantInfo> tenant = new ComboBox<>();
    private final Checkbox tagMoved = new Checkbox("Tag moved");
    private final TextField label = new TextField();
    private final List<TenantInfo> tenants;
    private Function<String, Set<String>> movedTags;
    private boolean reading;

    CatalogueFilters(List<TenantInfo> tenants, Runnable onChange) {
        this.tenants = tenants;
        addClassName("catalogue-filters");
        setAlignItems(FlexComponent.Alignment.END);

        FilterFields.text(text, "Name, URL, description…", "18rem").setPrefixComponent(VaadinIcon.SEARCH.create());
        text.setAriaLabel("Search extensions");
        phase.setAriaLabel("Phase");
        pullPolicy.setAriaLabel("Effective pull policy");

        tenant.setAriaLabel("Available to tenant");
        tenant.setPlaceholder("Any tenant");
        tenant.setItems(tenants);
        tenant.setItemLabelGenerator(TenantInfo::labelWithName);
        tenant.setClearButtonVisible(true);
        tenant.setWidth("14rem");

        FilterFields.text(label, "Label: key=value", "12rem");
        label.setAriaLabel("Label");
        label.setTooltipText("Only extensions with this label: key=value, or key for any value");

        text.addValueChangeListener(e -> changed(onChange));
        label.addValueChangeListener(e -> changed(onChange));
        phase.addValueChangeListener(e -> changed(onChange));
        pullPolicy.addValueChangeListener(e -> changed(onChange));
        tenant.addValueChangeListener(e -> changed(onChange));
        add(text, phase, pullPolicy, tenant, label);
        tagMoved.addClassName("tag-moved-filter");
        tagMoved.setTooltipText("Only extensions whose tag names another module than when the console first"
                + " checked it");
        tagMoved.addValueChangeListener(e -> changed(onChange));
        tagMoved.setVisible(false);
        add(tagMoved);
    }

    /** Shows the "Tag moved" filter, answered by this look-up of the organization's extensions with a moved tag. */
    void withTagMovedFilter(Function<String, Set<String>> namesWithMovedTag) {
        this.movedTags = namesWithMovedTag;
        tagMoved.setVisible(true);
    }

    private void changed(Runnable onChange) {
        if (!reading) {
            onChange.run();
        }
    }

    ExtensionFilter toFilter(String organization) {
        String q = text.getValue().isBlank() ? null : text.getValue().strip();
        ExtensionFilter filter = new ExtensionFilter(organization, q, phase.getValue(), pullPolicy.getValue(),
                tenant.getValue() == null ? null : tenant.getValue().fqn(),
                label.getValue().isBlank() ? null : label.getValue().strip());
        return movedTags != null && tagMoved.getValue() ? filter.withNames(movedTags.apply(organization)) : filter;
    }

    boolean isActive() {
        return !text.getValue().isBlank() || phase.getValue() != null || pullPolicy.getValue() != null
                || tenant.getValue() != null || !label.getValue().isBlank() || tagMoved.getValue();
    }

    void clear() {
        reading = true;
        text.clear();
        phase.clear();
        pullPolicy.clear();
        tenant.clear();
        tagMoved.clear();
        label.clear();
        reading = false;
    }

    QueryParameters toQueryParameters() {
        return FilterFields.parameters()
                .text("q", text.getValue())
                .value("phase", phase.getValue(), PluginPhase::name)
                .value("pull", pullPolicy.getValue(), PullPolicy::wireName)
                .value("tenant", tenant.getValue(), TenantInfo::name)
                .flag("moved", tagMoved.getValue(), "true")
                .text("label", label.getValue())
                .toQueryParameters();
    }

    /** Shows the filters of a URL without firing a change; unknown values are ignored. */
    void read(QueryParameters params) {
        reading = true;
        text.setValue(params.getSingleParameter("q").orElse(""));
        phase.setValue(params.getSingleParameter("phase").flatMap(v -> Arrays.stream(PluginPhase.values())
                .filter(p -> p.name().equals(v)).findFirst()).orElse(null));
        pullPolicy.setValue(params.getSingleParameter("pull").flatMap(PullPolicy::fromWireName)
                .filter(p -> p != PullPolicy.UNSPECIFIED_POLICY).orElse(null));
        tenant.setValue(params.getSingleParameter("tenant").flatMap(name -> tenants.stream()
                .filter(t -> t.name().equals(name)).findFirst()).orElse(null));
        tagMoved.setValue(params.getSingleParameter("moved").map("true"::equals).orElse(false));
        label.setValue(params.getSingleParameter("label").orElse(""));
        reading = false;
    }
}
