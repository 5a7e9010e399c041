package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.Locale;
import org.springframework.web.util.HtmlUtils;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.ui.ConfirmDialogs;

/** The small pieces the topology's blocks and cards are built from: buttons, muted text, confirmations. */
final class TopologyWidgets {

    private TopologyWidgets() {
    }

    static Div empty(String text) {
        Div empty = new Div(text);
        empty.addClassNames("section-empty", "topology-empty");
        return empty;
    }

    static Button action(String text, VaadinIcon icon, Runnable onClick) {
        Button button = new Button(text, icon == null ? null : icon.create(), e -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        return button;
    }

    static Button iconAction(String label, VaadinIcon icon, Runnable onClick) {
        Button button = new Button(icon.create(), e -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ICON);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    /**
     * A small button with a visible word beside its icon ("Detach"), and the whole sentence for
     * screen readers and the tooltip ("Detach wasm-auth from ingress"): rows of actions are read,
     * not guessed from icons (issue #16, as Argo CD's and Rancher's row actions are).
     */
    static Button labelledAction(String text, String label, VaadinIcon icon, Runnable onClick) {
        Button button = action(text, icon, onClick);
        button.setAriaLabel(label);
        button.setTooltipText(label);
        return button;
    }

    /**
     * The same small tertiary button as {@link #labelledAction} (or {@link #iconAction} when {@code text}
     * is null) built as one element: the icon and the word are its light DOM, and the whole sentence is
     * its accessible name and its native tooltip ({@code title}). A card's buttons are repeated by the
     * hundred on a large tenant's page, where the icon and tooltip components cost two more elements
     * each in the session and the page (docs/benchmarks.md, item 6). Still a vaadin-button: focusable,
     * Enter and Space click it.
     */
    static Button lightAction(String text, String label, VaadinIcon icon, Runnable onClick) {
        Button button = new Button();
        button.addClickListener(e -> onClick.run());
        button.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        String iconName = "vaadin:" + icon.name().toLowerCase(Locale.ROOT).replace('_', '-');
        if (text == null) {
            button.addThemeVariants(ButtonVariant.LUMO_ICON);
            button.getElement().setProperty("innerHTML", "<vaadin-icon icon=\"" + iconName + "\"></vaadin-icon>");
        } else {
            button.getElement().setProperty("innerHTML", "<vaadin-icon icon=\"" + iconName
                    + "\" slot=\"prefix\"></vaadin-icon>" + HtmlUtils.htmlEscape(text));
        }
        button.setAriaLabel(label);
        button.getElement().setAttribute("title", label);
        return button;
    }

    /** {@link #lightAction} for a delete: an icon-only button in the error colour. */
    static Button lightDeleteAction(String label, Runnable onClick) {
        Button button = lightAction(null, label, VaadinIcon.TRASH, onClick);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }

    static Button deleteAction(String label, Runnable onClick) {
        Button button = iconAction(label, VaadinIcon.TRASH, onClick);
        button.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return button;
    }

    /**
     * "Istio output": every resource Istio gets for a workspace or a tenant as one stream to copy or
     * download; {@code workspace} null for the whole tenant.
     */
    static Button istioOutput(AttachmentService attachments, String tenantFqn, String workspace) {
        String tenant = Fqn.nameOf(tenantFqn);
        String what = workspace == null ? "tenant " + tenant : "workspace " + workspace;
        Button button = action("Istio output", VaadinIcon.CODE, () -> new IstioPreviewDialog(
                "What Istio gets for " + what, workspace == null ? tenant : tenant + "-" + workspace,
                attachments.defaultIstioKind(), kind -> attachments.previews(tenantFqn, workspace, kind)).open());
        button.addClassName("istio-output-button");
        button.setAriaLabel("Istio output of " + what);
        button.setTooltipText("Every WasmPlugin (or TrafficExtension) of " + what + " as one stream for kubectl");
        return button;
    }

    static Div actions(Component... buttons) {
        Div actions = new Div(buttons);
        actions.addClassName("topology-actions");
        return actions;
    }

    static Span muted(String text, String className) {
        Span span = new Span(text);
        span.addClassNames("topology-muted", className);
        return span;
    }

    static ConfirmDialog confirm(String header, String text, String confirmText, long attachmentCount) {
        ConfirmDialog dialog = ConfirmDialogs.destructive(confirmText);
        dialog.setHeader(header);
        dialog.setText(new Div(new Paragraph(text), new Paragraph((attachmentCount == 0 ? ""
                : attachmentCount == 1 ? "Istio removes the WasmPlugin of that attachment; the extension stays in the"
                + " catalogue. " : "Istio removes the WasmPlugins of those attachments; the extensions stay in the"
                + " catalogue. ") + "This cannot be undone.")));
        return dialog;
    }
}
