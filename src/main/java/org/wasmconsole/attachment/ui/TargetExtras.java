package org.wasmconsole.attachment.ui;

import static org.wasmconsole.attachment.ui.TopologyWidgets.muted;

import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.OrderedList;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.stream.Collectors;
import org.wasmconsole.attachment.FilterChain;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TargetDefinition;
import org.wasmconsole.base.YamlText;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import org.wasmconsole.base.Fqn;

/**
 * The parts of a target's card that explain rather than edit: the filter chain (what runs there, in the
 * proxy's order, ties flagged) and the TSB fields the console keeps as they are (read-only YAML).
 */
final class TargetExtras {

    private TargetExtras() {
    }

    /**
     * The filter chain, collapsed; null when nothing runs there. A security setting's includes what its
     * organization, tenant and workspace defaults pass down to it, each row saying where it comes from.
     */
    static Details filterChain(StoredTarget target, FilterChainService chains) {
        TargetDefinition d = target.definition();
        if (d.ref().kind().isGateway()) {
            // Defaults never reach gateways: a gateway's chain is its own attachments, so its size is known
            // without reading it; it is read and built when first opened (a tenant page shows many cards,
            // issue #23: each chain read eagerly was a few queries and some 60 elements a card).
            if (d.attachments().isEmpty()) {
                return null;
            }
            Div content = new Div();
            Details details = details(d.attachments().size(), content);
            details.addOpenedChangeListener(e -> {
                if (e.isOpened() && content.getChildren().findAny().isEmpty()) {
                    fill(content, chains.of(d.ref()), d);
                }
            });
            return details;
        }
        FilterChain chain = chains.of(d.ref());
        if (chain.rows().isEmpty()) {
            return null;
        }
        Div content = new Div();
        fill(content, chain, d);
        return details(chain.rows().size(), content);
    }

    private static Details details(int rows, Div content) {
        Details details = new Details("Filter chain (" + rows + ")", content);
        details.addClassName("filter-chain-details");
        return details;
    }

    private static void fill(Div content, FilterChain chain, TargetDefinition d) {
        OrderedList list = new OrderedList();
        list.addClassName("filter-chain");
        list.getElement().setAttribute("aria-label", "Filter chain of " + d.ref().name());
        for (FilterChain.Row row : chain.rows()) {
            list.add(row(row));
        }
        content.add(muted("In the order the proxy runs them: phase AUTHN, AUTHZ, STATS, then unspecified (before"
                + " the router); within a phase, higher priority first.", "filter-chain-help"));
        if (chain.hasTies()) {
            String tied = chain.rows().stream().filter(FilterChain.Row::tie).map(FilterChain.Row::extensionName)
                    .collect(Collectors.joining(", "));
            Div warning = new Div("Same phase and priority: " + tied + ". Istio runs these in the order their"
                    + " WasmPlugins were created (then by name, as listed here); give them different priorities to"
                    + " make the order certain.");
            warning.addClassName("filter-chain-tie-warning");
            content.add(warning);
        }
        content.add(list);
    }

    private static ListItem row(FilterChain.Row row) {
        Span phase = new Span(row.phase().name());
        phase.getElement().getThemeList().add("badge small");
        phase.addClassName("chain-phase");
        Span priority = muted("priority " + row.priority(), "chain-priority");
        Span name = new Span(row.extensionName());
        name.addClassName("chain-extension");
        Span source = muted("from " + row.source(), "chain-source");
        Span config = muted(row.configFromAttachment() ? "own config" : "extension's config", "chain-config");
        Span match = muted(row.match().stream().map(TopologyText::selector).collect(Collectors.joining("; "))
                + (row.matchFromAttachment() ? "" : " (extension's match)"), "chain-match");
        Span pull = muted(row.pullPolicy().wireName(), "chain-pull");
        ListItem item = new ListItem(phase, priority, name, source, config, match, pull);
        if (row.tie()) {
            Span tie = new Span("tie");
            tie.getElement().getThemeList().add("badge warning small");
            tie.addClassName("chain-tie");
            tie.getElement().setAttribute("title", "Same phase and priority as another extension here: the order"
                    + " between them is the order their WasmPlugins were created");
            item.add(tie);
        }
        item.addClassName("chain-row");
        item.getElement().setAttribute("data-extension", row.extensionFqn());
        return item;
    }

    /** Labels, annotations and TSB's own fields as read-only YAML, collapsed; null when there are none. */
    static Details keptFields(StoredTarget target) {
        TargetDefinition d = target.definition();
        if (d.kept().isEmpty() && d.meta().isEmpty()) {
            return null;
        }
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        if (!d.meta().isEmpty()) {
            d.meta().writeTo(doc.putObject("metadata"));
        }
        if (!d.kept().isEmpty()) {
            doc.set("spec", d.kept().deepCopy());
        }
        Pre yaml = new Pre(YamlText.write(doc).replaceFirst("^---\\n", ""));
        yaml.addClassName("kept-yaml");
        Div content = new Div(muted("Managed in TSB, not in this console: kept as imported and exported unchanged.",
                "kept-help"), yaml);
        List<String> fields = d.kept().propertyNames().stream().toList();
        String summary = fields.isEmpty() ? "Labels and annotations" : "TSB configuration: " + String.join(", ", fields);
        Details details = new Details(summary, content);
        details.addClassName("kept-details");
        return details;
    }
}
