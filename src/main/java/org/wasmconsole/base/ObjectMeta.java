package org.wasmconsole.base;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code metadata.labels} and {@code metadata.annotations} of any TSB document: the console does
 * not act on them but keeps them and writes them back unchanged (spec §1), as TSB does. Sorted by
 * key, as Kubernetes writes them, so that a diff or an export does not depend on input order.
 * Keys and label values follow Kubernetes' rules (which TSB passes them on to).
 */
public record ObjectMeta(SortedMap<String, String> labels, SortedMap<String, String> annotations) {

    public static final ObjectMeta EMPTY = new ObjectMeta(null, null);
    /** Kubernetes: the annotations of an object together hold at most 256 KiB. */
    public static final int MAX_ANNOTATIONS_BYTES = 256 * 1024;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern NAME = Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");

    public ObjectMeta {
        labels = Collections.unmodifiableSortedMap(labels == null ? new TreeMap<>() : new TreeMap<>(labels));
        annotations = Collections.unmodifiableSortedMap(annotations == null ? new TreeMap<>()
                : new TreeMap<>(annotations));
    }

    public static ObjectMeta of(Map<String, String> labels, Map<String, String> annotations) {
        return new ObjectMeta(labels == null ? null : new TreeMap<>(labels),
                annotations == null ? null : new TreeMap<>(annotations));
    }

    public boolean isEmpty() {
        return labels.isEmpty() && annotations.isEmpty();
    }

    /** Every broken Kubernetes rule, at {@code metadata.labels.<key>} / {@code metadata.annotations.<key>}. */
    public List<Violation> violations() {
        List<Violation> v = new ArrayList<>();
        labels.forEach((key, value) -> {
            String path = "metadata.labels." + key;
            checkKey(key).ifPresent(m -> v.add(new Violation(path, m)));
            if (value.length() > Names.MAX_LABEL_LENGTH) {
                v.add(new Violation(path, "the value is " + value.length() + " characters long; a label value has"
                        + " at most 63 (put longer text in an annotation)"));
            } else if (!value.isEmpty() && !NAME.matcher(value).matches()) {
                v.add(new Violation(path, "the value '" + value + "' is not a label value: letters, digits, '-',"
                        + " '_' and '.', starting and ending with a letter or digit (or empty)"));
            }
        });
        int bytes = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            checkKey(e.getKey()).ifPresent(m -> v.add(new Violation("metadata.annotations." + e.getKey(), m)));
            bytes += e.getKey().length() + e.getValue().length();
        }
        if (bytes > MAX_ANNOTATIONS_BYTES) {
            v.add(new Violation("metadata.annotations", "hold " + bytes + " characters; Kubernetes allows at most "
                    + MAX_ANNOTATIONS_BYTES + " for all annotations of an object together"));
        }
        return v;
    }

    /** A qualified name: an optional DNS subdomain prefix and '/', then a name of at most 63 characters. */
    private static java.util.Optional<String> checkKey(String key) {
        int slash = key.lastIndexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        if (slash >= 0) {
            java.util.Optional<String> prefix = Names.checkDnsSubdomain(key.substring(0, slash));
            if (prefix.isPresent()) {
                return java.util.Optional.of("the key's prefix before '/' must be a DNS subdomain such as"
                        + " example.com: " + prefix.get());
            }
        }
        if (name.isEmpty() || name.length() > Names.MAX_LABEL_LENGTH || !NAME.matcher(name).matches()) {
            return java.util.Optional.of("the key '" + key + "' is not valid: a name of 1 to 63 letters, digits,"
                    + " '-', '_' or '.' starting and ending with a letter or digit, optionally after a DNS prefix"
                    + " and '/' (e.g. app.kubernetes.io/part-of)");
        }
        return java.util.Optional.empty();
    }

    /** Writes {@code labels} and {@code annotations} into a document's metadata (nothing when empty). */
    public void writeTo(ObjectNode metadata) {
        if (!labels.isEmpty()) {
            ObjectNode node = metadata.putObject("labels");
            labels.forEach(node::put);
        }
        if (!annotations.isEmpty()) {
            ObjectNode node = metadata.putObject("annotations");
            annotations.forEach(node::put);
        }
    }

    /** As a database column: null when empty. */
    public String toJson() {
        if (isEmpty()) {
            return null;
        }
        ObjectNode node = JSON.createObjectNode();
        writeTo(node);
        return JSON.writeValueAsString(node);
    }

    public static ObjectMeta fromJson(String json) {
        if (json == null || json.isBlank()) {
            return EMPTY;
        }
        JsonNode node = JSON.readTree(json);
        return new ObjectMeta(map(node.get("labels")), map(node.get("annotations")));
    }

    private static SortedMap<String, String> map(JsonNode node) {
        SortedMap<String, String> map = new TreeMap<>();
        if (node != null) {
            node.properties().forEach(e -> map.put(e.getKey(), e.getValue().asString()));
        }
        return map;
    }
}
