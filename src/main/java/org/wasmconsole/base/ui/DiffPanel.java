package org.wasmconsole.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.dependency.StyleSheet;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.dom.Element;
import java.util.List;
import org.wasmconsole.base.LineDiff;
import org.wasmconsole.base.LineDiff.Row;

/**
 * Two YAML documents side by side, line by line: removed lines on the left, added ones on the
 * right (a changed line is both, on the same row), each marked with a sign as well as a colour;
 * long unchanged stretches fold to one row. Built as plain elements with text content, so nothing
 * in a document can become markup.
 */
@StyleSheet("context://themes/console/history.css")
public class DiffPanel extends Composite<Div> {

    static final int CONTEXT = 3;

    /**
     * @param leftHead  the heading of the older side (title and actions)
     * @param rightHead the heading of the newer side
     */
    public DiffPanel(Component leftHead, String left, Component rightHead, String right) {
        Div root = getContent();
        root.addClassName("diff-panel");
        List<Row> rows = LineDiff.sideBySide(left, right);
        long added = LineDiff.added(rows);
        long removed = LineDiff.removed(rows);

        Span stats = new Span();
        stats.addClassName("diff-stats");
        if (added == 0 && removed == 0) {
            stats.setText("The two versions are identical.");
        } else {
            Span plus = new Span("+" + added);
            plus.addClassName("diff-stat-added");
            plus.getElement().setAttribute("title", added + (added == 1 ? " line" : " lines") + " added or changed");
            Span minus = new Span("\u2212" + removed);
            minus.addClassName("diff-stat-removed");
            minus.getElement().setAttribute("title", removed + (removed == 1 ? " line" : " lines")
                    + " removed or changed");
            stats.add(plus, minus, new Span(" lines"));
        }

        leftHead.addClassName("diff-head");
        rightHead.addClassName("diff-head");
        Div heads = new Div(leftHead, rightHead);
        heads.addClassName("diff-heads");

        Div table = new Div();
        table.addClassName("diff-table");
        table.getElement().setAttribute("role", "table");
        table.getElement().setAttribute("aria-label", "Differences, older version on the left, newer on the right");
        if (rows.isEmpty()) {
            root.add(heads, stats, new Paragraph("Both documents are empty."));
            return;
        }
        for (Row row : LineDiff.folded(rows, CONTEXT)) {
            table.getElement().appendChild(row(row));
        }
        root.add(heads, stats, table);
    }

    private static Element row(Row row) {
        Element tr = new Element("div");
        tr.setAttribute("role", "row");
        tr.getClassList().add("diff-row");
        tr.getClassList().add("diff-" + row.kind().name().toLowerCase(java.util.Locale.ROOT));
        if (row.kind() == LineDiff.Kind.FOLDED) {
            Element cell = cell("diff-fold", "\u22ef " + row.folded() + " unchanged lines");
            tr.appendChild(cell);
            return tr;
        }
        boolean leftChanged = row.kind() == LineDiff.Kind.REMOVED || row.kind() == LineDiff.Kind.CHANGED;
        boolean rightChanged = row.kind() == LineDiff.Kind.ADDED || row.kind() == LineDiff.Kind.CHANGED;
        side(tr, row.leftNumber(), row.left(), leftChanged ? "removed" : null, "\u2212");
        side(tr, row.rightNumber(), row.right(), rightChanged ? "added" : null, "+");
        return tr;
    }

    private static void side(Element tr, Integer number, String text, String change, String sign) {
        String kind = number == null ? "empty" : change == null ? "same" : change;
        Element num = cell("diff-num", number == null ? "" : number.toString());
        num.getClassList().add("diff-" + kind);
        Element mark = cell("diff-sign", change == null ? "" : sign);
        mark.getClassList().add("diff-" + kind);
        mark.setAttribute("aria-label", change == null ? "" : change);
        Element line = cell("diff-line", text == null ? "" : text);
        line.getClassList().add("diff-" + kind);
        tr.appendChild(num, mark, line);
    }

    private static Element cell(String className, String text) {
        Element cell = new Element("span");
        cell.setAttribute("role", "cell");
        cell.getClassList().add(className);
        cell.setText(text);
        return cell;
    }
}
