package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.radiobutton.RadioGroupVariant;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wasmconsole.attachment.IstioKind;
import org.wasmconsole.attachment.IstioPreview;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.ui.YamlDocumentPane;

/**
 * What Istio gets (spec §6) for one attachment, a gateway, a workspace or a tenant: the resources
 * the control plane would be given, as WasmPlugins or Istio 1.30's TrafficExtensions, each checked
 * against Istio's own CRD schema and rules. It says whether they are ready to apply as they are, and
 * if not which rule fails and why; what Istio will do (the pull policy in effect, the traffic
 * matched); and the YAML stream to copy or download for {@code kubectl apply -f}.
 */
@StyleSheet("context://themes/console/attachments.css")
public class IstioPreviewDialog extends Dialog {

    private final String subject;
    private final Function<IstioKind, List<IstioPreview>> load;
    private final Div body = new Div();

    /** The resource of one attachment, or of every attachment of a target when {@code extensionName} is null. */
    public IstioPreviewDialog(TargetRef target, String extensionName, IstioKind initial,
                              Function<IstioKind, List<IstioPreview>> load) {
        this(extensionName == null
                        ? "What Istio gets for " + target.kind().label() + " " + target.name()
                        : "What Istio gets for " + extensionName + " in " + target.name(),
                extensionName == null ? target.name() : target.name() + "-" + extensionName, initial, load);
    }

    /**
     * @param title   the header
     * @param subject the downloads' file name stem ({@code <subject>-wasmplugin.yaml})
     * @param initial the kind shown first: the organization's setting
     * @param load    the resources of a kind; may throw {@link NotFoundException} when something went away
     */
    public IstioPreviewDialog(String title, String subject, IstioKind initial,
                              Function<IstioKind, List<IstioPreview>> load) {
        this.subject = subject;
        this.load = load;
        setHeaderTitle(title);
        addClassName("istio-preview-dialog");
        setWidth("min(960px, 95vw)");
        RadioButtonGroup<IstioKind> kind = new RadioButtonGroup<>("Istio resource");
        kind.setItems(IstioKind.values());
        kind.setItemLabelGenerator(k -> k == IstioKind.WASM_PLUGIN ? "WasmPlugin" : "TrafficExtension (Istio 1.30+)");
        kind.setHelperText("The same plugin either way; TrafficExtension keeps the Wasm fields under spec.wasm.");
        kind.addThemeVariants(RadioGroupVariant.LUMO_HELPER_ABOVE_FIELD);
        kind.addClassName("istio-kind");
        kind.setValue(initial);
        show(load.apply(initial), initial);
        kind.addValueChangeListener(e -> {
            if (e.getValue() == null) {
                return;
            }
            try {
                show(load.apply(e.getValue()), e.getValue());
            } catch (NotFoundException ex) {
                Notify.error("No preview: " + ex.getMessage() + " is gone (changed by someone else?)");
                close();
            }
        });
        body.addClassName("istio-preview-body");
        add(kind, body);
        getFooter().add(new Button("Close", e -> close()));
    }

    private void show(List<IstioPreview> previews, IstioKind kind) {
        body.removeAll();
        if (previews.isEmpty()) {
            Span empty = new Span("Nothing is attached here yet: Istio gets no " + kind.kind() + ".");
            empty.addClassName("topology-muted");
            body.add(empty);
            return;
        }
        body.add(status(previews, kind), inEffect(previews));
        String yaml = previews.stream().map(IstioPreview::yaml).collect(Collectors.joining());
        String file = subject + "-" + kind.kind().toLowerCase() + ".yaml";
        String hint = previews.size() == 1
                ? "The " + kind.kind() + " (extensions.istio.io/v1alpha1) the control plane gets, in its target's"
                        + " namespace; the attachment's config and match win over the extension's."
                : previews.size() + " " + kind.kind() + "s as one stream for kubectl apply -f; each in its target's"
                        + " namespace.";
        body.add(new YamlDocumentPane(hint, kind.kind() + " YAML", file, kind.kind() + " of " + subject + " as YAML",
                yaml));
    }

    /** Ready to apply, or which of Istio's rules each resource breaks and why. */
    private static Div status(List<IstioPreview> previews, IstioKind kind) {
        List<String> problems = previews.stream().flatMap(p -> p.problems().stream()
                .map(v -> (previews.size() > 1 ? p.name() + " · " : "") + v.path() + ": " + v.message())).toList();
        Div status = new Div();
        status.addClassName("istio-status");
        if (problems.isEmpty()) {
            status.addClassName("ready");
            status.add(VaadinIcon.CHECK_CIRCLE.create(), new Span("Ready to apply: " + (previews.size() == 1
                    ? "passes" : "all " + previews.size() + " pass") + " Istio's " + kind.kind()
                    + " schema, CEL rules included."));
            return status;
        }
        status.addClassName("not-ready");
        status.getElement().setAttribute("role", "alert");
        UnorderedList list = new UnorderedList();
        problems.forEach(p -> list.add(new ListItem(p)));
        status.add(VaadinIcon.WARNING.create(), new Div(new Span("Not ready to apply: Istio would refuse or misread"
                + " this " + kind.kind() + ". Fix the extension or the attachment:"), list));
        return status;
    }

    /** What Istio will actually do: the pull policy in effect and the traffic the plugin runs on. */
    private static UnorderedList inEffect(List<IstioPreview> previews) {
        UnorderedList list = new UnorderedList();
        list.addClassName("istio-in-effect");
        for (IstioPreview p : previews) {
            String reason = p.pullPolicyReason();
            ListItem item = new ListItem();
            Span name = new Span(p.name());
            name.addClassName("istio-name");
            item.add(name, new Span(" · pull policy in effect " + p.effectivePullPolicy().wireName() + " (" + reason
                    + ") · traffic " + String.join(", ", p.effectiveModes())));
            list.add(item);
        }
        return list;
    }
}
