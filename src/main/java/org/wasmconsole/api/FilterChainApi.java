package org.wasmconsole.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wasmconsole.attachment.FilterChain;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.MatchSelector;
import org.wasmconsole.attachment.TargetRef;
import org.wasmconsole.tenant.Tenant;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** {@code GET …/{kind}/{name}/filterchain}: what runs at a gateway or security setting, in order. */
@RestController
@RequestMapping("/api/v2/organizations/{organization}/tenants/{tenant}/workspaces/{workspace}")
@Tag(name = "Gateways and security settings")
record FilterChainApi(FilterChainService chains) {

    private static final String CHAIN = "/{name}/filterchain";

    @Operation(summary = "The filter chain of a gateway or security setting",
            description = "Every extension that runs there, in the proxy's order (phase AUTHN, AUTHZ, STATS, then"
                    + " UNSPECIFIED_PHASE; priority highest first; equal priorities by WasmPlugin name and flagged"
                    + " \"tie\", as their real order is the plugins' creation order), with where it comes from and"
                    + " its effective config, mode, ports and pull policy.")
    @GetMapping(path = {TargetApi.INGRESS + CHAIN, TargetApi.EGRESS + CHAIN, TargetApi.TIER1 + CHAIN,
            TargetApi.SETTINGS + CHAIN, TargetApi.GATEWAYS + CHAIN}, produces = {MediaType.APPLICATION_JSON_VALUE, ApiFormat.YAML_VALUE})
    ResponseEntity<byte[]> filterChain(@PathVariable String organization, @PathVariable String tenant,
                                       @PathVariable String workspace, @PathVariable String group,
                                       @PathVariable String name, HttpServletRequest request) {
        TargetRef ref = new TargetRef(DocumentBodies.targetKind(request), Tenant.fqn(organization, tenant), workspace,
                group, name);
        ApiFormat format = ApiFormat.accepted(request);
        return ResponseEntity.ok().contentType(format.mediaType).body(format.write(write(chains.of(ref))));
    }

    static ObjectNode write(FilterChain chain) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.put("target", chain.target().fqn());
        doc.put("kind", chain.target().kind().documentKind());
        doc.put("namespace", chain.namespace());
        doc.put("ties", chain.hasTies());
        ArrayNode filters = doc.putArray("filters");
        for (FilterChain.Row row : chain.rows()) {
            ObjectNode item = filters.addObject();
            item.put("position", row.position());
            item.put("phase", row.phase().name());
            item.put("priority", row.priority());
            item.put("extension", row.extensionFqn());
            if (row.displayName() != null) {
                item.put("displayName", row.displayName());
            }
            item.put("wasmPlugin", row.wasmPlugin());
            item.put("source", row.source());
            item.put("sourceFqn", row.sourceFqn());
            if (row.config() != null) {
                item.set("config", row.config().deepCopy());
            }
            item.put("configFrom", row.configFromAttachment() ? "attachment" : "extension");
            ArrayNode match = item.putArray("match");
            for (MatchSelector s : row.match()) {
                ObjectNode selector = match.addObject().put("mode", s.mode().name());
                if (!s.ports().isEmpty()) {
                    ArrayNode ports = selector.putArray("ports");
                    s.ports().forEach(p -> ports.addObject().put("number", p));
                }
            }
            item.put("matchFrom", row.matchFromAttachment() ? "attachment" : "extension");
            item.put("imagePullPolicy", row.pullPolicy().wireName());
            item.put("url", row.url());
            item.put("tie", row.tie());
        }
        return doc;
    }
}
