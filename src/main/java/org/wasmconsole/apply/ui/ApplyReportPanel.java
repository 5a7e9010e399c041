package org.wasmconsole.apply.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.List;
import java.util.Map;
import org.wasmconsole.apply.ApplyReport;
import org.wasmconsole.apply.DocumentResult;
import org.wasmconsole.apply.FieldChange;
import org.wasmconsole.apply.Outcome;
import org.wasmconsole.base.yaml.DocumentProblem;

/**
 * The report of a dry run or an apply: a summary line and one row per document with what it
 * does, the fields an update changes, and where each problem is.
 */
class ApplyReportPanel extends Div {

    private final Div summary = new Div();
    private final Grid<DocumentResult> grid = new Grid<>(DocumentResult.class, false);
    private final Div empty = new Div();
    /** Whether the report shown is of an apply (past tense) or of a check (what it would do). */
    private boolean applied;

    ApplyReportPanel() {
        addClassName("apply-report");
        summary.addClassName("apply-summary");
        grid.addClassName("apply-grid");
        grid.setAriaLabel("Documents of the stream");
        grid.addThemeVariants(GridVariant.LUMO_WRAP_CELL_CONTENT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(DocumentResult::document).setHeader("#").setWidth("4rem").setFlexGrow(0);
        grid.addComponentColumn(d -> outcome(d, applied)).setHeader("Outcome").setWidth("9rem").setFlexGrow(0);
        grid.addColumn(d -> d.kind() == null ? "—" : d.kind()).setHeader("Kind").setWidth("10.5rem").setFlexGrow(0);
        grid.addComponentColumn(ApplyReportPanel::resource).setHeader("Resource").setWidth("18rem").setFlexGrow(1);
        grid.addComponentColumn(ApplyReportPanel::details).setHeader("Details").setWidth("24rem").setFlexGrow(2);
        grid.setAllRowsVisible(true);
        empty.addClassName("empty-state");
        empty.add(VaadinIcon.CLIPBOARD_CHECK.create(), new Paragraph("Paste or upload YAML, then check it. The report "
                + "lists what applying each document would do; nothing is saved until you apply."));
        add(empty);
    }

    void show(ApplyReport report) {
        removeAll();
        applied = report.applied();
        Map<Outcome, Long> counts = report.counts();
        summary.removeAll();
        summary.add(new Span(report.applied() ? "Applied: " : report.hasErrors() ? "Nothing can be applied: "
                : "Check passed, nothing saved yet: "));
        for (Outcome o : Outcome.values()) {
            if (counts.get(o) > 0 || o != Outcome.ERROR) {
                Span count = new Span(counts.get(o) + " " + label(o, report.applied()));
                count.getElement().getThemeList().add("badge pill " + theme(o));
                count.addClassName("apply-count");
                summary.add(count);
            }
        }
        if (report.applied()) {
            Anchor catalogue = new Anchor("", "Open the catalogue");
            catalogue.getElement().setAttribute("router-link", true);
            catalogue.addClassName("apply-catalogue-link");
            summary.add(catalogue);
        }
        grid.setItems(report.documents());
        grid.getDataProvider().refreshAll();
        add(summary, grid);
    }

    /** A stream that could not be read at all: no rows, only its problems. */
    void showUnreadable(List<DocumentProblem> problems) {
        removeAll();
        Div box = new Div();
        box.addClassName("form-errors");
        box.setText("The input cannot be read, nothing was checked:\n" + String.join("\n",
                problems.stream().map(ApplyReportPanel::describe).toList()));
        add(box);
    }

    void clear() {
        removeAll();
        add(empty);
    }

    /** A check says what applying would do ("would create"); an apply says what it did ("created"). */
    private static Component outcome(DocumentResult d, boolean applied) {
        String text = switch (d.outcome()) {
            case CREATED -> applied ? "created" : "would create";
            case UPDATED -> applied ? "updated" : "would update";
            case UNCHANGED -> "unchanged";
            case ERROR -> "error";
        };
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge " + theme(d.outcome()));
        return badge;
    }

    /** The fqn, allowed to wrap only after a '/' (never in the middle of a name). */
    private static Component resource(DocumentResult d) {
        Span span = new Span();
        span.addClassName("apply-resource");
        if (d.fqn() == null) {
            span.setText("(unnamed, line " + d.line() + ")");
            return span;
        }
        String[] parts = d.fqn().split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            span.getElement().appendChild(com.vaadin.flow.dom.Element.createText(parts[i] + (i < parts.length - 1 ? "/" : "")));
            if (i < parts.length - 1) {
                span.getElement().appendChild(new com.vaadin.flow.dom.Element("wbr"));
            }
        }
        return span;
    }

    private static Component details(DocumentResult d) {
        Div lines = new Div();
        lines.addClassName("apply-details");
        for (DocumentProblem p : d.problems()) {
            lines.add(line("apply-problem", describe(p)));
        }
        for (FieldChange c : d.changes()) {
            lines.add(line("apply-change", c.path() + ": " + (c.before() == null ? "(absent)" : c.before()) + " → "
                    + (c.after() == null ? "(removed)" : c.after())));
        }
        for (String w : d.warnings()) {
            lines.add(line("apply-warning", w));
        }
        return lines;
    }

    private static Div line(String className, String text) {
        Div line = new Div();
        line.addClassName(className);
        line.setText(text);
        return line;
    }

    static String describe(DocumentProblem p) {
        return (p.line() > 0 ? "line " + p.line() + " · " : "") + atPath(p);
    }

    /** The problem without its line: for the editor's marker, which is on that line already. */
    static String atPath(DocumentProblem p) {
        return (p.path().isEmpty() ? "" : p.path() + ": ") + p.message();
    }

    private static String label(Outcome o, boolean applied) {
        return switch (o) {
            case CREATED -> applied ? "created" : "to create";
            case UPDATED -> applied ? "updated" : "to update";
            case UNCHANGED -> "unchanged";
            case ERROR -> "with errors";
        };
    }

    private static String theme(Outcome o) {
        return switch (o) {
            case CREATED -> "success";
            case UPDATED -> "";
            case UNCHANGED -> "contrast";
            case ERROR -> "error";
        };
    }
}
