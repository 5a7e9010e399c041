package org.wasmconsole.extension.ui;

import org.wasmconsole.base.ui.Clipboard;
import static org.wasmconsole.base.ui.FieldValues.code;
import static org.wasmconsole.base.ui.FieldValues.none;
import static org.wasmconsole.base.ui.FieldValues.note;
import static org.wasmconsole.base.ui.FieldValues.text;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.badge.Badge;
import com.vaadin.flow.component.badge.BadgeVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.NativeTable;
import com.vaadin.flow.component.html.NativeTableBody;
import com.vaadin.flow.component.html.NativeTableCell;
import com.vaadin.flow.component.html.NativeTableHeader;
import com.vaadin.flow.component.html.NativeTableRow;
import com.vaadin.flow.component.html.Pre;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.wasmconsole.extension.EnvValueSource;
import org.wasmconsole.extension.EnvVar;
import org.wasmconsole.base.ObjectMeta;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.MarkdownRenderer;
import org.wasmconsole.extension.StoredExtension;
import org.wasmconsole.extension.ui.config.SchemaDocumentation;
import tools.jackson.databind.JsonNode;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.base.ui.TableHeads;
import org.wasmconsole.extension.yaml.ConfigText;

/** The Overview tab: every field of the extension, explained, in cards that reflow with the width. */
class ExtensionOverview extends Composite<Div> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z")
            .withZone(ZoneId.systemDefault());

    ExtensionOverview(StoredExtension stored) {
        ExtensionDefinition d = stored.definition();
        Div grid = getContent();
        grid.addClassName("details-overview");
        grid.add(column(ExtensionOverviewImage.card(d), config(d)),
                column(runtime(d), access(d), record(stored), env(d)),
                description(d));
        if (stored.configSchema() != null) {
            grid.add(configSchema(stored.configSchema()));
        }
    }

    /** The config schema as documentation (#19), beside the description: what the config may hold. */
    private static ExtensionOverviewSection configSchema(JsonNode schema) {
        return new ExtensionOverviewSection("Config schema", "config-schema-card").wide()
                .body(note("Every config of this extension (its own and each attachment's) must follow it."),
                        new SchemaDocumentation(schema));
    }

    /** Cards stacked in one column, so that a short card never leaves a hole beside a tall one. */
    private static Div column(Component... cards) {
        Div column = new Div(cards);
        column.addClassName("details-column");
        return column;
    }

    private static ExtensionOverviewSection runtime(ExtensionDefinition d) {
        Div phase = new Div(text(d.phase().label() + " (" + d.phase().name() + ")"), note(d.phase().meaning()));
        phase.addClassName("field-stack");
        Div priority = new Div(code(Integer.toString(d.priority())),
                note("Higher runs first within a phase; ties run in FQN order."));
        priority.addClassName("field-stack");
        return new ExtensionOverviewSection("Runtime", "runtime-card")
                .row("Phase", phase)
                .row("Priority", priority)
                .row("Match mode", text(d.matchMode().label()));
    }

    private static ExtensionOverviewSection access(ExtensionDefinition d) {
        Div chips = new Div();
        chips.addClassName("tenant-chips");
        if (d.allowedIn().isEmpty()) {
            Badge all = new Badge("All tenants of the organization");
            all.addThemeVariants(BadgeVariant.SUCCESS);
            chips.add(all);
        } else {
            for (String fqn : d.allowedIn()) {
                Badge chip = new Badge(Fqn.nameOf(fqn));
                chip.addThemeVariants(BadgeVariant.CONTRAST);
                chip.addClassName("tenant-chip");
                chip.getElement().setAttribute("title", fqn);
                chips.add(chip);
            }
        }
        Div value = new Div(chips, note(d.allowedIn().isEmpty()
                ? "Every tenant of organization " + d.organization() + " may attach it."
                : "Only these tenants may attach it."));
        value.addClassName("field-stack");
        return new ExtensionOverviewSection("Access", "access-card").row("Allowed tenants", value);
    }

    private static ExtensionOverviewSection record(StoredExtension stored) {
        Div changed = new Div(when(stored.updatedAt()));
        changed.addClassName("field-stack");
        if (ExtensionDetailsHeader.hasText(stored.updatedBy())) {
            changed.add(note("by " + stored.updatedBy()));
        }
        ExtensionOverviewSection section = new ExtensionOverviewSection("Record", "record-card")
                .row("FQN", code(stored.fqn()), Clipboard.iconButton("FQN", stored.fqn()))
                .row("Etag", code(stored.etag()), Clipboard.iconButton("etag", stored.etag()))
                .row("Created", when(stored.createdAt()))
                .row("Last changed", changed);
        ObjectMeta meta = stored.definition().meta();
        if (!meta.labels().isEmpty()) {
            section.row("Labels", keyValues(meta.labels(), "extension-labels"));
        }
        if (!meta.annotations().isEmpty()) {
            section.row("Annotations", keyValues(meta.annotations(), "extension-annotations"));
        }
        return section;
    }

    /** metadata.labels or annotations, one {@code key=value} chip each (kept and exported as they are). */
    private static Div keyValues(java.util.Map<String, String> values, String className) {
        Div chips = new Div();
        chips.addClassNames("tenant-chips", className);
        values.forEach((k, v) -> {
            Badge chip = new Badge(k + "=" + v);
            chip.addThemeVariants(BadgeVariant.CONTRAST);
            chip.addClassName("meta-chip");
            chips.add(chip);
        });
        return chips;
    }

    private static Component when(Instant instant) {
        if (instant == null) {
            return none("Unknown");
        }
        Component value = text(WHEN.format(instant));
        value.getElement().setAttribute("title", instant.toString());
        return value;
    }

    private static ExtensionOverviewSection config(ExtensionDefinition d) {
        ExtensionOverviewSection card = new ExtensionOverviewSection("Configuration", "config-card");
        JsonNode config = d.config();
        if (config == null || config.isNull() || config.isEmpty()) {
            return card.body(none("No configuration: the plugin gets an empty one."));
        }
        // The same YAML as the editor's config field: strings that look like numbers stay quoted.
        String yaml = ConfigText.format(config);
        Pre block = new Pre(yaml);
        block.addClassName("code-block");
        block.getElement().setAttribute("aria-label", "Configuration as YAML");
        block.getElement().setAttribute("tabindex", "0");
        Div toolbar = new Div(note("spec.config, handed to the plugin as is"),
                Clipboard.iconButton("configuration", yaml));
        toolbar.addClassName("card-toolbar");
        return card.body(toolbar, block);
    }

    private static ExtensionOverviewSection env(ExtensionDefinition d) {
        ExtensionOverviewSection card = new ExtensionOverviewSection("Environment variables", "env-card");
        if (d.env().isEmpty()) {
            return card.body(none("None"));
        }
        NativeTableHeader head = TableHeads.of("Name", "Value from", "Value");
        NativeTableBody body = new NativeTableBody();
        for (EnvVar env : d.env()) {
            Component value = env.valueFrom() == EnvValueSource.HOST
                    ? note("from the proxy's environment")
                    : env.value() == null || env.value().isEmpty() ? none("(empty)") : code(env.value());
            body.add(new NativeTableRow(new NativeTableCell(code(env.name())),
                    new NativeTableCell(text(env.valueFrom().name())), new NativeTableCell(value)));
        }
        NativeTable table = new NativeTable(head, body);
        table.addClassName("env-table");
        table.getElement().setAttribute("aria-label", "Environment variables");
        return card.body(table);
    }

    private static ExtensionOverviewSection description(ExtensionDefinition d) {
        ExtensionOverviewSection card = new ExtensionOverviewSection("Description", "description-card").wide();
        String html = MarkdownRenderer.toSafeHtml(d.description(), 4);
        if (html.isEmpty()) {
            return card.body(none("No description."));
        }
        Div rendered = new Div();
        rendered.addClassName("markdown-body");
        // Safe: MarkdownRenderer's output is cleaned against an allow-list (no scripts, no handlers).
        // Headings start at h4: the page is h2 (name), h3 (card), then the description's own outline.
        rendered.getElement().setProperty("innerHTML", html);
        return card.body(rendered);
    }
}
