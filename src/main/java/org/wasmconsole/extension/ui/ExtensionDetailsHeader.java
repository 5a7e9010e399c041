package org.wasmconsole.extension.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Header;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.shared.Tooltip;
import com.vaadin.flow.router.RouterLink;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PullPolicy;

/**
 * The top of the details page: a way back to the catalogue, the name, display name and summary,
 * badges for phase, priority and effective pull policy, and for admins Edit and Delete.
 */
class ExtensionDetailsHeader extends Composite<Header> {

    ExtensionDetailsHeader(ExtensionDefinition definition, boolean admin, Runnable onEdit, Runnable onDelete) {
        Header header = getContent();
        header.addClassName("details-header");

        RouterLink back = new RouterLink("", ExtensionListView.class);
        back.add(VaadinIcon.ARROW_LEFT.create(), new Span("Extensions"));
        back.addClassName("details-back");
        back.getElement().setAttribute("aria-label", "Back to Extensions");

        H2 name = new H2(definition.name());
        name.addClassName("details-name");
        Div titles = new Div(name);
        titles.addClassName("details-titles");
        if (hasText(definition.displayName())) {
            Span displayName = new Span(definition.displayName());
            displayName.addClassName("details-display-name");
            titles.add(displayName);
        }
        Div titleRow = new Div(titles);
        titleRow.addClassName("details-title-row");
        if (admin) {
            titleRow.add(actions(definition.name(), onEdit, onDelete));
        }

        header.add(back, titleRow);
        if (hasText(definition.summary())) {
            Paragraph summary = new Paragraph(definition.summary());
            summary.addClassName("details-summary");
            header.add(summary);
        }
        header.add(badges(definition));
    }

    private static Component actions(String name, Runnable onEdit, Runnable onDelete) {
        Button edit = new Button("Edit", VaadinIcon.EDIT.create(), e -> onEdit.run());
        edit.setAriaLabel("Edit " + name);
        edit.addClassName("details-edit");
        Button delete = new Button("Delete", VaadinIcon.TRASH.create(), e -> onDelete.run());
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setAriaLabel("Delete " + name);
        delete.addClassName("details-delete");
        Div actions = new Div(edit, delete);
        actions.addClassName("details-actions");
        return actions;
    }

    private static Component badges(ExtensionDefinition d) {
        Badge phase = badge("Phase", d.phase().label(), d.phase().name() + ": " + d.phase().meaning());
        phase.addClassName("phase-badge");
        Badge priority = badge("Priority", Integer.toString(d.priority()),
                "Higher runs first within a phase");
        priority.addThemeVariants(BadgeVariant.CONTRAST);
        PullPolicy effective = d.effectivePullPolicy();
        Badge pull = badge("Pull", effective.wireName(), "Effective image pull policy: " + effective.meaning()
                + ExtensionOverviewImage.pullPolicyReason(d).map(r -> " " + r).orElse(""));
        pull.addThemeVariants(BadgeVariant.CONTRAST);
        Div badges = new Div(phase, priority, pull);
        badges.addClassName("details-badges");
        return badges;
    }

    /** A badge reading "label value", with the label muted and a tooltip explaining it. */
    private static Badge badge(String label, String value, String tooltip) {
        Span key = new Span(label);
        key.addClassName("badge-key");
        Span val = new Span(value);
        val.addClassName("badge-value");
        Badge badge = new Badge();
        badge.setContent(new Span(key, new Text(" "), val));
        badge.addClassName("details-badge");
        Tooltip.forComponent(badge).setText(tooltip);
        return badge;
    }

    static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
