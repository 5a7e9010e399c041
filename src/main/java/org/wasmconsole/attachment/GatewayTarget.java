package org.wasmconsole.attachment;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Where an attachment lives: a gateway (or a security setting of a security group) in a
 * workspace of a tenant, and the Kubernetes workloads it stands for.
 *
 * @param tenant    tenant FQN, {@code organizations/<org>/tenants/<tenant>}: decides, through the
 *                  extension's allowedIn, whether the attachment is allowed
 * @param group     the gateway group (or security group) inside the workspace
 * @param name      the gateway's (or security setting's) own name
 * @param namespace the Kubernetes namespace of the workloads; the WasmPlugin is created there
 * @param labels    the workload selector labels; empty = every workload of the namespace. Sorted
 *                  by key so that the generated document does not depend on the map given
 */
public record GatewayTarget(
        TargetKind kind,
        String tenant,
        String workspace,
        String group,
        String name,
        String namespace,
        Map<String, String> labels) {

    public GatewayTarget {
        SortedMap<String, String> sorted = labels == null ? new TreeMap<>() : new TreeMap<>(labels);
        labels = Collections.unmodifiableSortedMap(sorted);
    }

    public TargetRef ref() {
        return new TargetRef(kind, tenant, workspace, group, name);
    }
}
