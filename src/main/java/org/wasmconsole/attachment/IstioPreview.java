package org.wasmconsole.attachment;

import java.util.List;
import org.wasmconsole.base.Violation;
import org.wasmconsole.base.YamlText;
import org.wasmconsole.extension.PullPolicy;
import tools.jackson.databind.node.ObjectNode;

/**
 * One generated Istio resource and what keeps it from being applied as it is: the problems Istio's
 * CRD schema and CEL rules find in it ({@link IstioSchema}) and those of Istio's semantics that the
 * schema cannot see (a plugin with no selector, a gateway plugin that can never match). Ready to
 * apply only without problems.
 *
 * @param problems paths are the resource's own ({@code spec.match[0].mode})
 */
public record IstioPreview(IstioKind kind, ObjectNode document, List<Violation> problems) {

    public IstioPreview {
        problems = List.copyOf(problems);
    }

    public boolean ready() {
        return problems.isEmpty();
    }

    public String name() {
        return document.path("metadata").path("name").asString();
    }

    /**
     * The pull policy Istio applies to this resource's module (spec §2): the chosen one, or Istio's
     * default for its url ({@link PullPolicy#effectiveFor}).
     */
    public PullPolicy effectivePullPolicy() {
        return chosenPullPolicy().effectiveFor(url());
    }

    /** Why the policy in effect is not the chosen one, or "as chosen". */
    public String pullPolicyReason() {
        PullPolicy effective = effectivePullPolicy();
        if (chosenPullPolicy() != PullPolicy.UNSPECIFIED_POLICY && effective == chosenPullPolicy()) {
            return "as chosen";
        }
        if (chosenPullPolicy().reasonFor(url()).map(r -> r.startsWith("Pinned")).orElse(false)) {
            return "pinned by digest";
        }
        return effective == PullPolicy.ALWAYS ? "Istio's default for an image tagged latest" : "Istio's default";
    }

    public String url() {
        return module().path("url").asString(null);
    }

    public PullPolicy chosenPullPolicy() {
        return PullPolicy.fromWireName(module().path("imagePullPolicy").asString(null))
                .orElse(PullPolicy.UNSPECIFIED_POLICY);
    }

    /** The directions of traffic the resource runs on: its selectors' modes, or every direction. */
    public List<String> effectiveModes() {
        List<String> modes = new java.util.ArrayList<>();
        document.path("spec").path("match").forEach(m -> modes.add(m.path("mode").asString("CLIENT_AND_SERVER")
                + (m.path("ports").isEmpty() ? "" : " on " + m.path("ports").valueStream()
                        .map(p -> p.path("number").asString()).collect(java.util.stream.Collectors.joining(", ")))));
        return modes.isEmpty() ? List.of("CLIENT_AND_SERVER") : modes;
    }

    private tools.jackson.databind.JsonNode module() {
        return kind == IstioKind.WASM_PLUGIN ? document.path("spec") : document.path("spec").path("wasm");
    }

    /** The document as YAML, starting with {@code ---}. */
    public String yaml() {
        return YamlText.write(document);
    }
}
