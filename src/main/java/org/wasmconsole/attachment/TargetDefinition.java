package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.wasmconsole.base.ObjectMeta;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A gateway or security setting as written by a user (form, API document, import): where it is,
 * which workloads it stands for, and its {@code extension} list in order.
 *
 * @param namespace   the Kubernetes namespace of its workloads (the WasmPlugins go there)
 * @param labels      workload selector labels; empty = every workload of the namespace
 * @param attachments the {@code spec.extension} list; kept as given (nulls included) for the validator
 * @param meta        {@code metadata.labels} and {@code metadata.annotations}, kept as given
 * @param kept        the spec fields TSB has and the console does not manage ({@code http}, {@code waf},
 *                    {@code authorization}, ...), verbatim and in document order; written back unchanged
 */
public record TargetDefinition(TargetRef ref, String displayName, String namespace, Map<String, String> labels,
                               List<Attachment> attachments, ObjectMeta meta, ObjectNode kept)
        implements OwnerDefinition<TargetDefinition> {

    /** A target with nothing beyond what the console manages (screens, sample data). */
    public TargetDefinition(TargetRef ref, String displayName, String namespace, Map<String, String> labels,
                            List<Attachment> attachments) {
        this(ref, displayName, namespace, labels, attachments, ObjectMeta.EMPTY, null);
    }

    public TargetDefinition {
        meta = meta == null ? ObjectMeta.EMPTY : meta;
        kept = kept == null ? JsonNodeFactory.instance.objectNode() : kept.deepCopy();
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
        return new TargetDefinition(ref, displayName, namespace, labels, replaced, meta, kept);
    }

    /** The same target with the labels, annotations and TSB fields of another (an edit that does not show them). */
    public TargetDefinition keeping(TargetDefinition previous) {
        return previous == null ? this
                : new TargetDefinition(ref, displayName, namespace, labels, attachments, previous.meta, previous.kept);
    }
}
