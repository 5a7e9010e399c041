package org.wasmconsole.attachment.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.extension.WorkloadMode;

/**
 * The attach dialog's match selectors: a row per selector with its mode and its ports, numbered,
 * each removable. Reads them back as {@link MatchSelector}s, and shows the service's errors on them.
 */
class MatchSelectorList extends Div {

    private final List<WorkloadMode> modes;
    private final List<SelectorRow> rows = new ArrayList<>();

    /** @param modes the modes offered (a gateway: only CLIENT and CLIENT_AND_SERVER) */
    MatchSelectorList(List<WorkloadMode> modes) {
        this.modes = modes;
        addClassName("attach-selectors");
    }

    /** Adds a row: the selector's values, or the first mode and every port when null. */
    void addSelector(MatchSelector selector) {
        SelectorRow row = new SelectorRow();
        if (selector != null) {
            row.mode.setValue(selector.mode() != null && modes.contains(selector.mode()) ? selector.mode() : null);
            row.ports.setValue(TopologyText.ports(selector.ports().stream().filter(Objects::nonNull).toList()));
        }
        rows.add(row);
        add(row);
        renumber();
    }

    /** The selectors as written; empty, with the problems shown on their fields, when one is incomplete. */
    Optional<List<MatchSelector>> read() {
        boolean ok = true;
        List<MatchSelector> match = new ArrayList<>();
        for (SelectorRow row : rows) {
            TopologyText.ParsedPorts ports = TopologyText.parsePorts(row.ports.getValue());
            if (ports.error() != null) {
                NameFields.showError(row.ports, ports.error());
                ok = false;
            }
            if (row.mode.getValue() == null) {
                row.mode.setInvalid(true);
                row.mode.setErrorMessage("Choose a mode");
                ok = false;
            }
            match.add(new MatchSelector(row.mode.getValue(), ports.ports()));
        }
        return ok ? Optional.of(match) : Optional.empty();
    }

    /**
     * Shows a service violation on selector {@code selector}: on its mode, on port {@code port}
     * (0-based), or on the selector as a whole when {@code port} is negative. False when there is no
     * such row (the caller shows the message elsewhere).
     */
    boolean showViolation(int selector, boolean onMode, int port, String message) {
        if (selector < 0 || selector >= rows.size()) {
            return false;
        }
        SelectorRow row = rows.get(selector);
        if (onMode) {
            row.mode.setInvalid(true);
            row.mode.setErrorMessage(TopologyText.fieldMessage("Mode", message));
        } else if (port >= 0) {
            NameFields.showError(row.ports, TopologyText.fieldMessage("Port " + (port + 1), message));
        } else {
            NameFields.showError(row.ports, TopologyText.fieldMessage("Selector " + (selector + 1), message));
        }
        return true;
    }

    /** For tests: a row's mode and ports as typed. */
    void addSelector(WorkloadMode mode, String ports) {
        addSelector(null);
        rows.getLast().mode.setValue(mode);
        rows.getLast().ports.setValue(ports);
    }

    TextField portsField(int selector) {
        return rows.get(selector).ports;
    }

    private void renumber() {
        for (int i = 0; i < rows.size(); i++) {
            rows.get(i).number(i + 1);
        }
    }

    /** One match selector: its mode and its ports. */
    private final class SelectorRow extends Div {

        final Select<WorkloadMode> mode = new Select<>();
        final TextField ports = new TextField("Ports");
        final Button remove = new Button(VaadinIcon.CLOSE_SMALL.create());

        SelectorRow() {
            addClassName("attach-selector-row");
            mode.setItems(modes);
            mode.setItemLabelGenerator(WorkloadMode::name);
            mode.setValue(modes.getFirst());
            mode.addClassName("attach-selector-mode");
            mode.addValueChangeListener(e -> mode.setInvalid(false));
            ports.setPlaceholder("8080, 8443");
            ports.setHelperText("Numbers 1–65535, separated by commas; empty = every port");
            ports.setValueChangeMode(ValueChangeMode.EAGER);
            ports.addClassName("attach-selector-ports");
            ports.addValueChangeListener(e -> NameFields.showError(ports,
                    TopologyText.parsePorts(e.getValue()).error()));
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON, ButtonVariant.LUMO_ERROR);
            remove.addClickListener(e -> {
                rows.remove(this);
                MatchSelectorList.this.remove(this);
                renumber();
            });
            add(mode, ports, remove);
        }

        void number(int n) {
            mode.setLabel("Selector " + n + " mode");
            remove.setAriaLabel("Remove selector " + n);
            remove.setTooltipText("Remove selector " + n);
        }
    }
}
