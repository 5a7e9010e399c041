package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.tenant.TenantContents;

/** What goes with a deleted tenant, counted from its topology, for the tenants list's delete dialog. */
@Component
@RequiredArgsConstructor
class TopologyTenantContents implements TenantContents {

    private final TopologyService topology;

    @Override
    public String deletedWith(String tenantFqn) {
        return contents(topology.topology(tenantFqn));
    }

    /**
     * What goes with the tenant: "Its 2 workspaces, 5 gateways, 1 security setting and 7 attachments are
     * deleted too." (only the kinds it has), or that it has none.
     */
    static String contents(TenantTopology topology) {
        int workspaces = topology.workspaces().size();
        if (workspaces == 0) {
            return "It has no workspaces, so no gateway or attachment goes with it.";
        }
        List<StoredTarget> targets = topology.workspaces().stream().flatMap(w -> w.groups().stream())
                .flatMap(g -> g.targets().stream()).toList();
        if (targets.isEmpty()) {
            return "Its " + count(workspaces, "workspace is", "workspaces are") + " deleted with it (no gateways"
                    + " or security settings in " + (workspaces == 1 ? "it" : "them") + ").";
        }
        long gateways = targets.stream().filter(t -> t.ref().kind().isGateway()).count();
        long settings = targets.size() - gateways;
        List<String> parts = new ArrayList<>();
        parts.add(count(workspaces, "workspace", "workspaces"));
        if (gateways > 0) {
            parts.add(count(gateways, "gateway", "gateways"));
        }
        if (settings > 0) {
            parts.add(count(settings, "security setting", "security settings"));
        }
        int attachments = topology.attachmentCount();
        parts.add(attachments == 0 ? "no attachments" : count(attachments, "attachment", "attachments"));
        return "Its " + String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast()
                + " are deleted with it.";
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
