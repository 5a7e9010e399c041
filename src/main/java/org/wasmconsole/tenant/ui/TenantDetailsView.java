package org.wasmconsole.tenant.ui;

import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.security.Roles;
import org.wasmconsole.tenant.ConsoleOrganization;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantSection;
import org.wasmconsole.tenant.TenantService;

/**
 * One tenant: a header, then the parts that the modules contribute as {@link TenantSection}s, in
 * their order: the extensions available to it (assign / unassign / restrict; extension module),
 * then its workspaces and gateways with their attachments (attachment module).
 * {@code ?target=<target FQN>} unfolds, marks and scrolls to one gateway or security setting
 * ("where used" links here). Operators of the tenant read the page without any write action; other
 * tenants are "not found" to them.
 */
@Route("tenants/:name")
@RolesAllowed({Roles.ADMIN, Roles.OPERATOR})
@StyleSheet("context://themes/console/tenants.css")
public class TenantDetailsView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final TenantService tenants;
    private final List<TenantSection> sections;
    private final boolean admin;
    private final String organization;
    private final TenantSection.Page page;
    private List<TenantSection.Part> parts = List.of();
    private @Nullable TenantInfo tenant;
    private String title = "Tenant · Wasm Extension Console";

    public TenantDetailsView(TenantService tenants, List<TenantSection> sections,
                             AuthenticationContext authentication, ConsoleOrganization organization) {
        this.tenants = tenants;
        this.sections = sections.stream().sorted(Comparator.comparingInt(TenantSection::order)).toList();
        this.admin = authentication.hasRole(Roles.ADMIN);
        this.organization = organization.name();
        this.page = new SectionPage(this.organization, admin, () -> parts.forEach(TenantSection.Part::refresh));
        addClassName("tenant-details-view");
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        String name = event.getRouteParameters().get("name").orElse("");
        removeAll();
        parts = List.of();
        tenants.find(organization, name).ifPresentOrElse(this::show, () -> showNotFound(name));
        List<String> target = event.getLocation().getQueryParameters().getParameters().getOrDefault("target", List.of());
        if (tenant != null && !target.isEmpty() && parts.stream().noneMatch(p -> p.reveal(target.getFirst()))) {
            Notify.error("Tenant " + tenant.name() + " has no gateway or security setting "
                    + target.getFirst() + " (deleted, or renamed?)");
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }

    @Nullable TenantInfo tenant() {
        return tenant;
    }

    private void show(TenantInfo found) {
        tenant = found;
        title = found.name() + " · Tenants · Wasm Extension Console";
        Anchor back = admin ? new Anchor("tenants", "← Tenants") : new Anchor("", "← Extensions");
        back.getElement().setAttribute("router-link", true);
        back.addClassName("back-link");
        H2 heading = new H2(found.label());
        Span fqn = new Span(found.fqn());
        fqn.addClassName("tenant-fqn");
        HorizontalLayout header = new HorizontalLayout(heading, fqn);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        header.addClassName("view-header");

        add(back, header);
        parts = new ArrayList<>();
        for (TenantSection section : sections) {
            TenantSection.Part part = section.create(found, page);
            parts.add(part);
            part.components().forEach(this::add);
        }
    }

    private void showNotFound(String name) {
        tenant = null;
        title = "Tenant not found · Wasm Extension Console";
        Anchor back = admin ? new Anchor("tenants", "Back to the tenants") : new Anchor("", "Back to the catalogue");
        back.getElement().setAttribute("router-link", true);
        Div empty = new Div(VaadinIcon.USERS.create(), new H2("Tenant " + name + " was not found"),
                new Paragraph("It may have been deleted."), back);
        empty.addClassName("empty-state");
        add(empty);
    }

    /** What this page offers its parts. */
    private record SectionPage(String organization, boolean admin, Runnable refreshAll) implements TenantSection.Page {

        @Override
        public void changed() {
            refreshAll.run();
        }
    }
}
