package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.wasmconsole.attachment.GroupInfo;
import org.wasmconsole.attachment.GroupKind;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.attachment.WorkspaceInfo;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.ui.Notify;
import org.wasmconsole.base.Fqn;

/**
 * Creates a workspace of a tenant ({@code workspace == null}) or a gateway or security group of a
 * workspace. An existing name is refused here: the service's save would only change its display name.
 */
class GroupDialog extends Dialog {

    private final TopologyService topology;
    private final String tenantFqn;
    private final WorkspaceInfo workspace;
    private final Consumer<String> onCreated;
    private final TextField name;
    private final TextField displayName = NameFields.displayName(null);
    private final RadioButtonGroup<GroupKind> kind = new RadioButtonGroup<>("Kind");
    private final Div errors = Feedback.errorBox();

    /** @param onCreated gets the FQN of what was created */
    GroupDialog(TopologyService topology, String tenantFqn, WorkspaceInfo workspace, GroupKind initialKind,
                Consumer<String> onCreated) {
        this.topology = topology;
        this.tenantFqn = tenantFqn;
        this.workspace = workspace;
        this.onCreated = onCreated;
        addClassName("topology-dialog");
        boolean isWorkspace = workspace == null;
        name = NameFields.name(isWorkspace
                ? "Lower-case letters, digits and '-'; identifies the workspace in every FQN and cannot change later"
                : "Lower-case letters, digits and '-'; unique among the workspace's groups of this kind");
        Paragraph note = new Paragraph();
        note.addClassName("topology-dialog-note");
        if (isWorkspace) {
            setHeaderTitle("New workspace");
            note.setText("A workspace holds the gateway groups and security groups of a team or application in "
                    + "tenant " + tenantName(tenantFqn) + ".");
            add(note, errors, name, displayName);
        } else {
            setHeaderTitle("New group in " + workspace.name());
            note.setText("Gateway groups hold Ingress, Egress and Tier-1 gateways; security groups hold security "
                    + "settings. Extensions are attached to those.");
            kind.setItems(GroupKind.values());
            kind.setItemLabelGenerator(GroupKind::label);
            kind.setValue(initialKind == null ? GroupKind.GATEWAY : initialKind);
            kind.addClassName("topology-field");
            add(note, errors, kind, name, displayName);
        }
        Button create = new Button("Create", e -> create());
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), create);
        addOpenedChangeListener(e -> {
            if (e.isOpened()) {
                name.focus();
            }
        });
    }

    private static String tenantName(String fqn) {
        return Fqn.nameOf(fqn);
    }

    private void create() {
        Feedback.show(errors, List.of());
        String value = name.getValue().strip();
        String display = NameFields.blankToNull(displayName.getValue());
        try {
            if (workspace == null) {
                if (!value.isEmpty() && topology.findWorkspace(tenantFqn, value).isPresent()) {
                    NameFields.showError(name, "workspace '" + value + "' already exists in this tenant; choose"
                            + " another name");
                    return;
                }
                WorkspaceInfo saved = topology.saveWorkspace(new WorkspaceInfo(tenantFqn, value, display));
                close();
                Notify.success("Created workspace " + saved.name());
                onCreated.accept(saved.fqn());
            } else {
                GroupKind k = kind.getValue();
                if (!value.isEmpty() && topology.findGroup(tenantFqn, workspace.name(), k, value).isPresent()) {
                    NameFields.showError(name, k.label().toLowerCase() + " '" + value + "' already exists in "
                            + workspace.name() + "; choose another name");
                    return;
                }
                GroupInfo saved = topology.saveGroup(new GroupInfo(tenantFqn, workspace.name(), k, value, display));
                close();
                Notify.success("Created " + k.label().toLowerCase() + " " + saved.name());
                onCreated.accept(saved.fqn());
            }
        } catch (ValidationException ex) {
            List<String> other = new ArrayList<>();
            for (Violation v : ex.violations()) {
                switch (v.path()) {
                    case "metadata.name" -> NameFields.showError(name, v.message());
                    case "spec.displayName", "metadata.displayName" -> NameFields.showError(displayName, v.message());
                    default -> other.add(v.toString());
                }
            }
            Feedback.show(errors, other);
        } catch (ConflictException ex) {
            NameFields.showError(name, ex.getMessage());
        } catch (NotFoundException ex) {
            Feedback.show(errors, List.of("Cannot create it: " + ex.getMessage()
                    + " does not exist any more (deleted by someone else?). Close and reload the page."));
        }
    }
}
