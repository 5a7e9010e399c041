package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.attachment.TargetKind;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.Notify;

/**
 * Creates a gateway (Ingress, Egress or Tier-1) or a security setting in a group, or edits one:
 * display name, namespace and workload labels. Its attachments stay as they are.
 */
class TargetDialog extends Dialog {

    static final String LABELS_PATH = "spec.workloadSelector.labels";

    private final AttachmentService attachments;
    private final GroupInfo group;
    private final StoredTarget existing;
    private final Consumer<StoredTarget> onSaved;
    private final RadioButtonGroup<TargetKind> kind = new RadioButtonGroup<>("Kind");
    private final TextField name;
    private final TextField displayName;
    private final TextField namespace = new TextField("Namespace");
    private final TextField labels = new TextField("Workload labels");
    private final Div errors = Feedback.errorBox();

    /** A new target in {@code group}. */
    static TargetDialog create(AttachmentService attachments, GroupInfo group, Consumer<StoredTarget> onSaved) {
        return new TargetDialog(attachments, group, null, onSaved);
    }

    /** Edits {@code target}, which is in {@code group}. */
    static TargetDialog edit(AttachmentService attachments, GroupInfo group, StoredTarget target,
                             Consumer<StoredTarget> onSaved) {
        return new TargetDialog(attachments, group, target, onSaved);
    }

    private TargetDialog(AttachmentService attachments, GroupInfo group, StoredTarget existing,
                         Consumer<StoredTarget> onSaved) {
        this.attachments = attachments;
        this.group = group;
        this.existing = existing;
        this.onSaved = onSaved;
        addClassName("topology-dialog");
        addClassName("target-dialog");
        boolean gateway = group.kind() == GroupKind.GATEWAY;
        String what = gateway ? "gateway" : "security setting";
        name = NameFields.name("Lower-case letters, digits and '-'; unique in " + group.name());
        TargetDefinition d = existing == null ? null : existing.definition();
        displayName = NameFields.displayName(d == null ? null : d.displayName());

        namespace.setRequiredIndicatorVisible(true);
        namespace.setHelperText("The Kubernetes namespace of the " + what + "'s workloads; Istio's WasmPlugins for"
                + " its extensions are created there");
        namespace.setValueChangeMode(ValueChangeMode.EAGER);
        namespace.addClassName("topology-field");
        namespace.addValueChangeListener(e -> NameFields.showError(namespace, e.getValue().isEmpty()
                ? java.util.Optional.empty() : Names.checkDnsLabel(e.getValue())));

        labels.setPlaceholder("app=ingress, version=v1");
        labels.setHelperText("Required: the workload selector as key=value pairs separated by commas (without it"
                + " the extensions would run in every workload of the namespace)");
        labels.setRequiredIndicatorVisible(true);
        labels.setValueChangeMode(ValueChangeMode.EAGER);
        labels.addClassName("topology-field");
        labels.addValueChangeListener(e -> NameFields.showError(labels, TopologyText.parseLabels(e.getValue()).error()));

        Paragraph note = new Paragraph();
        note.addClassName("topology-dialog-note");
        if (existing == null) {
            setHeaderTitle(gateway ? "New gateway in " + group.name() : "New security setting in " + group.name());
            note.setText(gateway
                    ? "A gateway of " + group.kind().label().toLowerCase() + " " + group.name() + " in workspace "
                    + group.workspace() + ". Attach extensions to it once it is created."
                    : "A security setting of security group " + group.name() + " in workspace " + group.workspace()
                    + ". Attach extensions to it once it is created.");
            if (gateway) {
                kind.setItems(Arrays.stream(TargetKind.values()).filter(TargetKind::isGateway).toList());
                kind.setItemLabelGenerator(TargetKind::label);
                kind.setValue(TargetKind.INGRESS_GATEWAY);
                kind.addClassName("topology-field");
                add(note, errors, kind, name, displayName, namespace, labels);
            } else {
                add(note, errors, name, displayName, namespace, labels);
            }
        } else {
            TargetRef ref = existing.ref();
            setHeaderTitle("Edit " + ref.kind().label() + " " + ref.name());
            note.setText("The name and kind identify it and cannot change. Its " + TopologyText.count(
                    d.attachments().size(), "attachment stays", "attachments stay") + " as "
                    + (d.attachments().size() == 1 ? "it is" : "they are") + "; their WasmPlugins follow the new"
                    + " namespace and labels.");
            namespace.setValue(d.namespace());
            labels.setValue(TopologyText.labels(d.labels()));
            add(note, errors, displayName, namespace, labels);
        }
        Button save = new Button(existing == null ? "Create" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                (existing == null ? name : namespace).focus();
            }
        });
    }

    private TargetRef ref() {
        if (existing != null) {
            return existing.ref();
        }
        TargetKind k = group.kind() == GroupKind.GATEWAY ? kind.getValue() : TargetKind.SECURITY_SETTING;
        return new TargetRef(k, group.tenant(), group.workspace(), group.name(), name.getValue().strip());
    }

    private void save() {
        Feedback.show(errors, List.of());
        TopologyText.ParsedLabels parsed = TopologyText.parseLabels(labels.getValue());
        if (parsed.error() != null) {
            NameFields.showError(labels, parsed.error());
            labels.focus();
            return;
        }
        if (namespace.getValue().isBlank()) {
            NameFields.showError(namespace, "is required: the namespace of the workloads, e.g. payments-gateways");
        }
        if (existing == null && name.getValue().isBlank()) {
            NameFields.showError(name, "is required: lower-case letters, digits and '-', e.g. ingress");
        }
        if (namespace.isInvalid() || (existing == null && name.isInvalid()) || displayName.isInvalid()) {
            return;
        }
        TargetRef ref = ref();
        try {
            if (existing == null && attachments.find(ref).isPresent()) {
                NameFields.showError(name, ref.kind().label() + " '" + ref.name() + "' already exists in "
                        + group.name() + "; choose another name");
                return;
            }
            TargetDefinition definition = new TargetDefinition(ref, NameFields.blankToNull(displayName.getValue()),
                    namespace.getValue().strip(), parsed.labels(),
                    existing == null ? List.of() : existing.definition().attachments())
                    .keeping(existing == null ? null : existing.definition()); // TSB fields this dialog does not show
            StoredTarget saved = attachments.save(definition, existing == null ? null : existing.etag());
            close();
            Notify.success((existing == null ? "Created " : "Saved ") + ref.kind().label() + " " + ref.name());
            onSaved.accept(saved);
        } catch (ValidationException ex) {
            showViolations(ex.violations());
        } catch (ConflictException ex) {
            if ("metadata.name".equals(ex.path()) && existing == null) {
                NameFields.showError(name, ex.getMessage());
            } else {
                Feedback.show(errors, List.of(ex.getMessage()));
            }
        } catch (NotFoundException ex) {
            Feedback.show(errors, List.of("Cannot save: " + ex.getMessage() + " does not exist any more (deleted by"
                    + " someone else?). Close and reload the page."));
        }
    }

    private void showViolations(List<Violation> violations) {
        List<String> other = new ArrayList<>();
        List<String> labelMessages = new ArrayList<>();
        for (Violation v : violations) {
            String path = v.path();
            if (path.equals("metadata.name") && existing == null) {
                NameFields.showError(name, v.message());
            } else if (path.equals("spec.displayName")) {
                NameFields.showError(displayName, v.message());
            } else if (path.equals("spec.workloadSelector.namespace")) {
                NameFields.showError(namespace, v.message());
            } else if (path.startsWith(LABELS_PATH + ".")) {
                labelMessages.add(TopologyText.fieldMessage("Label " + path.substring(LABELS_PATH.length() + 1),
                        v.message()));
            } else if (path.equals(LABELS_PATH)) {
                labelMessages.add(TopologyText.fieldMessage("Workload labels", v.message()));
            } else {
                other.add(v.toString());
            }
        }
        if (!labelMessages.isEmpty()) {
            labels.setInvalid(true);
            labels.setErrorMessage(String.join(" · ", labelMessages));
        }
        Feedback.show(errors, other);
    }
}
