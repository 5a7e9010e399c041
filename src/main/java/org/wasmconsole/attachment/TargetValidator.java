package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.wasmconsole.base.Names;
import org.wasmconsole.base.Violation;
import org.wasmconsole.extension.WorkloadMode;

/**
 * The rules of a gateway or security setting document apart from its attachments' extensions
 * (which need the database): names, namespace, workload labels, and each attachment's own rules.
 * Paths are the document's: {@code metadata.name}, {@code spec.workloadSelector.labels.app},
 * {@code spec.extension[1].match[0].ports[0].number}.
 */
public final class TargetValidator {

    public static final int MAX_LABELS = 64;
    public static final int MAX_LABEL_VALUE_LENGTH = 63;
    public static final int MAX_ATTACHMENTS = 64;

    /** Kubernetes label name (the part after an optional DNS-subdomain prefix and '/'), and label value. */
    private static final Pattern LABEL_PART = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");

    private TargetValidator() {
    }

    public static List<Violation> validate(TargetDefinition d) {
        List<Violation> v = new ArrayList<>();
        label(d.ref().workspace(), "metadata.workspace", v);
        label(d.ref().group(), "metadata.group", v);
        label(d.ref().name(), "metadata.name", v);
        Names.checkDisplayName(d.displayName()).ifPresent(m -> v.add(new Violation("spec.displayName", m)));
        label(d.namespace(), "spec.workloadSelector.namespace", v);
        if (d.labels().isEmpty()) {
            // TSB requires a gateway's workload selector; without labels the WasmPlugin would have no
            // selector and reach every workload of the namespace (of the whole mesh in Istio's root namespace).
            v.add(new Violation("spec.workloadSelector.labels", "is required: give the labels of the "
                    + d.ref().kind().label() + "'s workloads, e.g. app: " + d.ref().name() + "; without them its"
                    + " extensions would run in every workload of namespace " + d.namespace()));
        }
        checkLabels(d.labels(), v);
        if (d.attachments().size() > MAX_ATTACHMENTS) {
            v.add(new Violation("spec.extension", "has " + d.attachments().size() + " entries; attach at most "
                    + MAX_ATTACHMENTS + " extensions to one " + d.ref().kind().label()));
        }
        for (int i = 0; i < d.attachments().size(); i++) {
            Attachment a = d.attachments().get(i);
            String prefix = "spec.extension[" + i + "]";
            if (a == null) {
                v.add(new Violation(prefix, "is empty: give the fqn of the extension to attach, or remove the entry"));
                continue;
            }
            v.addAll(AttachmentValidator.validate(a, prefix));
            if (d.ref().kind().isGateway()) {
                checkGatewayModes(a, prefix, v);
            }
            for (int j = 0; j < i; j++) {
                Attachment earlier = d.attachments().get(j);
                if (earlier != null && a.fqn() != null && a.fqn().equals(earlier.fqn())) {
                    v.add(new Violation(prefix + ".fqn", "'" + a.fqn() + "' is already attached at spec.extension["
                            + j + "]; attach an extension once and give that entry several match selectors"));
                    break;
                }
            }
        }
        return v;
    }

    /** Spec §2: for gateways only CLIENT or CLIENT_AND_SERVER make sense; SERVER would never match. */
    private static void checkGatewayModes(Attachment a, String prefix, List<Violation> v) {
        for (int j = 0; j < a.match().size(); j++) {
            MatchSelector s = a.match().get(j);
            if (s != null && s.effectiveMode() == WorkloadMode.SERVER) {
                v.add(new Violation(prefix + ".match[" + j + "].mode", "is " + s.mode() + ", which never matches the"
                        + " traffic of a gateway; use CLIENT or CLIENT_AND_SERVER"));
            }
        }
    }

    /**
     * Spec §2: a gateway attachment without selectors of its own runs with the extension's
     * {@code spec.match.mode}; SERVER would never match there either, and is not silently inherited.
     * Empty when the attachment is fine in this kind of target.
     */
    public static java.util.Optional<Violation> checkInheritedMode(TargetKind kind, Attachment a, WorkloadMode extensionMode,
                                                                   String prefix) {
        if (!kind.isGateway() || a.overridesMatch() || extensionMode != WorkloadMode.SERVER) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Violation(prefix + ".match", "is not given, so the extension's own match"
                + " mode SERVER would apply, which never matches the traffic of a " + kind.label() + "; give this"
                + " attachment a selector with mode CLIENT or CLIENT_AND_SERVER"));
    }

    private static void label(String value, String path, List<Violation> v) {
        Names.checkDnsLabel(value).ifPresent(m -> v.add(new Violation(path, m)));
    }

    private static void checkLabels(Map<String, String> labels, List<Violation> v) {
        if (labels.size() > MAX_LABELS) {
            v.add(new Violation("spec.workloadSelector.labels", "has " + labels.size() + " labels; use at most "
                    + MAX_LABELS));
        }
        labels.forEach((key, value) -> {
            String path = "spec.workloadSelector.labels." + key;
            checkLabelKey(key, path, v);
            if (value == null || value.isEmpty()) {
                v.add(new Violation(path, "has no value: give the label's value, e.g. app: ingress-gateway"));
            } else if (value.length() > MAX_LABEL_VALUE_LENGTH || !LABEL_PART.matcher(value).matches()) {
                v.add(new Violation(path, "'" + value + "' is not a label value: at most 63 letters, digits, '-', '_'"
                        + " or '.', starting and ending with a letter or digit"));
            }
        });
    }

    private static void checkLabelKey(String key, String path, List<Violation> v) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean prefixOk = slash < 0 || Names.checkDnsSubdomain(key.substring(0, slash)).isEmpty();
        if (!prefixOk || name.isEmpty() || name.length() > MAX_LABEL_VALUE_LENGTH || !LABEL_PART.matcher(name).matches()) {
            v.add(new Violation(path, "'" + key + "' is not a label key: a name of at most 63 letters, digits, '-',"
                    + " '_' or '.' starting and ending with a letter or digit, optionally after a DNS prefix and '/'"
                    + " (e.g. app or istio.io/rev)"));
        }
    }
}
