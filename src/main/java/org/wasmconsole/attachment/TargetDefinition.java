package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A gateway or security setting as written by a user (form, API document, import): where it is,
 * which workloads it stands for, and its {@code extension} list in order.
 *
 * @param namespace   the Kubernetes namespace of its workloads (the WasmPlugins go there)
 * @param labels      workload selector labels; empty = every workload of the namespace
 * @param attachments the {@code spec.extension} list; kept as given (nulls included) for the validator
 */
public record TargetDefinition(TargetRef ref, String displayName, String namespace, Map<String, String> labels,
                               List<Attachment> attachments) {

    public TargetDefinition {
        labels = new GatewayTarget(ref.kind(), ref.tenant(), ref.workspace(), ref.group(), ref.name(), namespace,
                labels).labels();
        attachments = attachments == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(attachments));
    }

    public GatewayTarget target() {
        return new GatewayTarget(ref.kind(), ref.tenant(), ref.workspace(), ref.group(), ref.name(), namespace, labels);
    }

    public String fqn() {
        return ref.fqn();
    }

    public TargetDefinition withAttachments(List<Attachment> replaced) {
        return new TargetDefinition(ref, displayName, namespace, labels, replaced);
    }
}
