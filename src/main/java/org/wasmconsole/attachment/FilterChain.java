package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.wasmconsole.extension.ExtensionDefinition;
import org.wasmconsole.extension.PluginPhase;
import org.wasmconsole.extension.PullPolicy;
import org.wasmconsole.extension.WorkloadMode;
import tools.jackson.databind.JsonNode;

/**
 * What runs at a gateway or security setting, in the order the proxy runs it: the WasmPlugins the
 * control plane generates for every extension attached there, ordered as Istio orders them.
 *
 * <p>Istio (pilot, commit 86c9f01f): the HTTP filter chain takes the plugins phase by phase,
 * {@code AUTHN}, then {@code AUTHZ}, then {@code STATS}, then {@code UNSPECIFIED_PHASE}
 * ({@code pilot/pkg/networking/core/listener_builder.go}, the {@code PopAppendHTTPTrafficExtension}
 * calls); within a phase by priority, highest first, a stable sort
 * ({@code pilot/pkg/model/push_context.go}, {@code sortByPriority}) of a list first sorted by creation
 * time, then name, then namespace ({@code initTrafficExtensions} with {@code sortConfigByCreationTime},
 * {@code pilot/pkg/model/config.go}). The console does not know when the cluster created each plugin, so
 * rows of equal phase and priority are listed by WasmPlugin name, the order Istio falls back to when the
 * creation times are equal (they are kept in seconds), and flagged as {@link Row#tie()}: their real order
 * is the order in which the plugins were created.
 */
public record FilterChain(TargetRef target, String namespace, List<Row> rows) {

    /** The phases in the order Envoy's HTTP filter chain runs them. */
    public static final List<PluginPhase> PHASE_ORDER = List.of(PluginPhase.AUTHN, PluginPhase.AUTHZ,
            PluginPhase.STATS, PluginPhase.UNSPECIFIED_PHASE);

    /**
     * One WasmPlugin in the chain.
     *
     * @param position       1-based place in the chain
     * @param source         where the attachment comes from, e.g. "this Ingress Gateway"
     * @param sourceFqn      the fqn of the resource that attaches it
     * @param config         the effective plugin config (the attachment's, else the extension's; may be null)
     * @param configFromAttachment whether the attachment replaced the extension's config
     * @param match          the effective traffic selectors (the attachment's, else the extension's mode)
     * @param matchFromAttachment  whether the attachment overrode the extension's match
     * @param pullPolicy     the effective pull policy of the extension's url
     * @param tie            another row has the same phase and priority: their order is the creation order
     */
    public record Row(int position, PluginPhase phase, int priority, String extensionFqn, String extensionName,
                      String displayName, String wasmPlugin, String source, String sourceFqn, JsonNode config,
                      boolean configFromAttachment, List<MatchSelector> match, boolean matchFromAttachment,
                      PullPolicy pullPolicy, String url, boolean tie) {
    }

    /** An attachment that reaches the target, with the extension it attaches and where it comes from. */
    public record Entry(ExtensionDefinition extension, Attachment attachment, String source, String sourceFqn) {
    }

    /**
     * The chain of a target's own attachments; {@code extensions} finds an attached extension by fqn (one
     * that is not found any more is left out).
     */
    public static FilterChain at(TargetDefinition target, Function<String, Optional<ExtensionDefinition>> extensions) {
        String source = "this " + target.ref().kind().label();
        List<Entry> entries = new ArrayList<>();
        for (Attachment a : target.attachments()) {
            extensions.apply(a.fqn()).ifPresent(x -> entries.add(new Entry(x, a, source, target.fqn())));
        }
        return of(target.target(), entries);
    }

    /** The chain of the given entries at the target, ordered as Istio orders the generated WasmPlugins. */
    public static FilterChain of(GatewayTarget target, List<Entry> entries) {
        record Placed(Entry entry, String plugin) {
        }
        List<Placed> placed = new ArrayList<>();
        entries.forEach(e -> placed.add(new Placed(e, WasmPluginNames.resourceName(target, e.extension()))));
        placed.sort(Comparator.<Placed>comparingInt(p -> PHASE_ORDER.indexOf(p.entry().extension().phase()))
                .thenComparing(p -> p.entry().extension().priority(), Comparator.reverseOrder())
                .thenComparing(Placed::plugin));
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < placed.size(); i++) {
            Entry e = placed.get(i).entry();
            ExtensionDefinition x = e.extension();
            Attachment a = e.attachment();
            boolean tie = placed.stream().map(Placed::entry)
                    .filter(o -> o != e && o.extension().phase() == x.phase()
                            && o.extension().priority() == x.priority()).findAny().isPresent();
            List<MatchSelector> match = a.overridesMatch() ? a.match()
                    : List.of(new MatchSelector(x.matchMode() == WorkloadMode.UNDEFINED ? WorkloadMode.CLIENT_AND_SERVER
                    : x.matchMode(), List.of()));
            rows.add(new Row(i + 1, x.phase(), x.priority(), x.fqn(), x.name(), x.displayName(),
                    placed.get(i).plugin(), e.source(), e.sourceFqn(), a.overridesConfig() ? a.config() : x.config(),
                    a.overridesConfig(), match, a.overridesMatch(), x.effectivePullPolicy(), x.url(), tie));
        }
        return new FilterChain(target.ref(), target.namespace(), rows);
    }

    /** Whether any two rows are ordered only by the tie-break. */
    public boolean hasTies() {
        return rows.stream().anyMatch(Row::tie);
    }
}
