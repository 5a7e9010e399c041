package org.wasmconsole.apply;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The field-level difference between two documents: mappings compared key by key, lists item by
 * item (so a changed env value is {@code spec.vmConfig.env[1].value}, not the whole list), any other
 * value as a whole.
 */
public final class DocumentDiff {

    private DocumentDiff() {
    }

    public static List<FieldChange> between(JsonNode before, JsonNode after) {
        List<FieldChange> changes = new ArrayList<>();
        compare("", before, after, changes);
        return changes;
    }

    private static void compare(String path, JsonNode before, JsonNode after, List<FieldChange> changes) {
        if (before == null && after == null || before != null && before.equals(after)) {
            return;
        }
        if (before != null && after != null && before.isObject() && after.isObject()) {
            Set<String> names = new LinkedHashSet<>(before.propertyNames());
            names.addAll(after.propertyNames());
            for (String name : names) {
                compare(path.isEmpty() ? name : path + "." + name, before.get(name), after.get(name), changes);
            }
        } else if (before != null && after != null && before.isArray() && after.isArray()) {
            for (int i = 0; i < Math.max(before.size(), after.size()); i++) {
                compare(path + "[" + i + "]", before.get(i), after.get(i), changes);
            }
        } else {
            changes.add(new FieldChange(path, text(before), text(after)));
        }
    }

    private static String text(JsonNode value) {
        return value == null || value.isMissingNode() ? null : value.toString();
    }
}
