package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.wasmconsole.attachment.Attachment;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.base.ConflictException;
import org.wasmconsole.base.NotFoundException;
import org.wasmconsole.base.ValidationException;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ExtensionSummary;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.WorkloadMode;
import org.wasmconsole.extension.ui.config.ConfigField;
import org.wasmconsole.base.ui.Notify;

/**
 * Attaches an extension to a gateway or security setting, or edits an attachment (the extension
 * then fixed): optional config that replaces the extension's, optional match selectors that
 * replace its match. Only extensions available in the target's tenant are offered
 * ({@link ExtensionPicker}); the service checks again whatever the screen offers. The override stands
 * beside the extension's own config ({@link ConfigOverride}).
 */
class AttachDialog extends Dialog {

    private final AttachmentService attachments;
    private final ExtensionService extensions;
    private final StoredTarget target;
    private final Attachment existing;
    private final Consumer<StoredTarget> onSaved;
    private final ComboBox<ExtensionSummary> extension = new ComboBox<>("Extension");
    private final ConfigOverride override = new ConfigOverride();
    private final ConfigField config = override.field();
    private final Span matchNote = new Span();
    private final MatchSelectorList selectors;
    private final Div errors = Feedback.errorBox();
    private ExtensionDefinition chosen;

    /** Attaches a new extension at the end of the target's list. */
    static AttachDialog attach(AttachmentService attachments, ExtensionService extensions, StoredTarget target,
                               Consumer<StoredTarget> onSaved) {
        return new AttachDialog(attachments, extensions, target, null, onSaved);
    }

    /** Edits the config and match of an existing attachment. */
    static AttachDialog edit(AttachmentService attachments, ExtensionService extensions, StoredTarget target,
                             Attachment attachment, Consumer<StoredTarget> onSaved) {
        return new AttachDialog(attachments, extensions, target, attachment, onSaved);
    }

    private AttachDialog(AttachmentService attachments, ExtensionService extensions, StoredTarget target,
                         Attachment existing, Consumer<StoredTarget> onSaved) {
        this.attachments = attachments;
        this.extensions = extensions;
        this.target = target;
        this.existing = existing;
        this.onSaved = onSaved;
        this.selectors = new MatchSelectorList(modes());
        TargetRef ref = target.ref();
        addClassName("topology-dialog");
        addClassName("attach-dialog");
        setWidth("min(60rem, 96vw)");
        String where = ref.kind().label() + " " + ref.name();
        Paragraph note = new Paragraph();
        note.addClassName("topology-dialog-note");

        Div extensionRow = new Div();
        extensionRow.addClassName("attach-extension-row");
        if (existing == null) {
            setHeaderTitle("Attach an extension to " + where);
            note.setText("Only extensions available in tenant " + ref.tenantName() + " are offered. The extension"
                    + " is added at the end of the list; Istio runs the list's plugins by phase and priority.");
            ExtensionPicker.offer(extension, extensions, ref,
                    target.definition().attachments().stream().map(Attachment::fqn).collect(Collectors.toSet()));
            extension.addClassName("attach-extension");
            extension.addValueChangeListener(e -> {
                extension.setInvalid(false);
                showExtension(e.getValue() == null ? null : e.getValue().name());
            });
            extensionRow.add(extension);
        } else {
            String name = TopologyText.extensionName(existing.fqn());
            setHeaderTitle("Edit " + name + " in " + where);
            note.setText("The extension stays; change how it runs in " + ref.name() + ". To attach another"
                    + " extension, detach this one and attach the other.");
            TextField fixed = new TextField("Extension");
            fixed.setValue(name);
            fixed.setReadOnly(true);
            fixed.addClassName("attach-extension");
            extensionRow.add(fixed);
        }

        Div matchLabel = new Div("Match selectors");
        matchLabel.addClassName("config-label");
        matchNote.addClassName("config-help");
        Button addSelector = new Button("Add match selector", VaadinIcon.PLUS.create(),
                e -> selectors.addSelector(null));
        addSelector.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
        addSelector.addClassName("attach-add-selector");
        Div match = new Div(matchLabel, matchNote, selectors, addSelector);
        match.addClassName("attach-match");

        add(note, errors, extensionRow, override, match);

        if (existing != null) {
            config.setConfig(existing.config());
            existing.match().forEach(selectors::addSelector);
            showExtension(TopologyText.extensionName(existing.fqn()));
        } else {
            showExtension(null);
        }
        updateMatchNote();

        Button save = new Button(existing == null ? "Attach" : "Save", e -> save());
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", e -> close()), save);
    }

    private boolean gateway() {
        return target.ref().kind().isGateway();
    }

    private List<WorkloadMode> modes() {
        return gateway() ? List.of(WorkloadMode.CLIENT, WorkloadMode.CLIENT_AND_SERVER)
                : Arrays.asList(WorkloadMode.values());
    }

    /** Shows the chosen extension's config and match as what applies without an override. */
    private void showExtension(String name) {
        chosen = null;
        StoredExtension stored = name == null ? null
                : extensions.find(target.ref().organization(), name).orElse(null);
        if (stored != null) {
            chosen = stored.definition();
        }
        override.show(stored, existing != null);
        updateMatchNote();
    }

    private void updateMatchNote() {
        String own = chosen == null ? "the extension's match applies"
                : chosen.name() + "'s match applies (" + switch (chosen.matchMode()) {
                    case CLIENT -> "client traffic";
                    case SERVER -> "server traffic";
                    case CLIENT_AND_SERVER, UNDEFINED -> "client and server traffic";
                } + ")";
        boolean serverOnGateway = gateway() && chosen != null && chosen.matchMode() == WorkloadMode.SERVER;
        matchNote.setText((serverOnGateway ? "Required here: " + chosen.name() + "'s own match is server traffic,"
                + " which a gateway never has." : "Optional. With none, " + own + ".")
                + " With some, they replace it: traffic passes if any selector matches."
                + (gateway() ? " A gateway handles client traffic only: use CLIENT or"
                + " CLIENT_AND_SERVER." : ""));
    }


    private void save() {
        Feedback.show(errors, List.of());
        boolean ok = true;
        String fqn;
        if (existing == null) {
            ExtensionSummary picked = extension.getValue();
            if (picked == null) {
                extension.setInvalid(true);
                extension.setErrorMessage("Choose the extension to attach");
                ok = false;
                fqn = null;
            } else {
                fqn = picked.fqn();
            }
        } else {
            fqn = existing.fqn();
        }
        if (!config.readable()) {
            config.showViolations(Map.of(), true);
            ok = false;
        }
        Optional<List<MatchSelector>> match = selectors.read();
        ok &= match.isPresent();
        if (!ok) {
            return;
        }
        Attachment attachment = new Attachment(fqn, config.valueOr(null), match.orElseThrow());
        try {
            StoredTarget saved = existing == null ? attachments.attach(target.ref(), attachment, target.etag())
                    : attachments.updateAttachment(target.ref(), attachment, target.etag());
            close();
            String name = TopologyText.extensionName(fqn);
            Notify.success(existing == null ? "Attached " + name + " to " + target.ref().name()
                    : "Saved " + name + " in " + target.ref().name());
            onSaved.accept(saved);
        } catch (ValidationException ex) {
            showViolations(ex.violations());
        } catch (ConflictException ex) {
            Feedback.show(errors, List.of(ex.getMessage()));
        } catch (NotFoundException ex) {
            Feedback.show(errors, List.of("Cannot save: " + ex.getMessage() + " does not exist any more (deleted by"
                    + " someone else?). Close and reload the page."));
        }
    }

    private int index() {
        if (existing == null) {
            return target.definition().attachments().size();
        }
        List<Attachment> list = target.definition().attachments();
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).fqn().equals(existing.fqn())) {
                return i;
            }
        }
        return -1;
    }

    /** Puts each of the service's violations of this attachment on its field; the rest go to the box. */
    private void showViolations(List<Violation> violations) {
        int index = index();
        List<String> other = new ArrayList<>();
        Map<String, String> configMessages = new LinkedHashMap<>();
        for (Violation v : violations) {
            Optional<TopologyText.AttachmentPath> path = TopologyText.attachmentPath(v.path())
                    .filter(p -> p.index() == index);
            if (path.isEmpty()) {
                other.add(v.toString());
                continue;
            }
            String rest = path.get().rest();
            if (rest.equals("fqn") && existing == null) {
                extension.setInvalid(true);
                extension.setErrorMessage(TopologyText.fieldMessage("Extension", v.message()));
            } else if (rest.equals("config") || rest.startsWith("config.") || rest.startsWith("config[")) {
                // Relative to the config, as the config field marks them: "", "header", "routes[2].timeout".
                String inConfig = rest.substring("config".length());
                configMessages.putIfAbsent(inConfig.startsWith(".") ? inConfig.substring(1) : inConfig, v.message());
            } else if (path.get().selector().isPresent() && selectors.showViolation(path.get().selector().get()[0],
                    path.get().isSelectorMode(), path.get().selector().get()[1], v.message())) {
                continue;
            } else {
                other.add(v.toString());
            }
        }
        config.showViolations(configMessages, true);
        Feedback.show(errors, other);
    }

    void addSelector(WorkloadMode mode, String ports) {
        selectors.addSelector(mode, ports);
    }

    TextField portsField(int selector) {
        return selectors.portsField(selector);
    }
}
