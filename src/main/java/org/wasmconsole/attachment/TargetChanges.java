package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.wasmconsole.base.Fqn;

/** What a save changed in a target, for the audit trail: its kind of change and one line. */
final class TargetChanges {

    private TargetChanges() {
    }

    /**
     * CREATED for a new target; ATTACHED or DETACHED when the save only added or only removed
     * extensions (what attach and detach do), so the history can be filtered by them; else UPDATED.
     */
    static AttachmentChanged.Change change(TargetDefinition before, TargetDefinition after) {
        if (before == null) {
            return AttachmentChanged.Change.CREATED;
        }
        List<String> old = before.attachments().stream().map(Attachment::fqn).toList();
        List<String> now = after.attachments().stream().map(Attachment::fqn).toList();
        boolean sameTarget = Objects.equals(before.namespace(), after.namespace())
                && before.labels().equals(after.labels()) && Objects.equals(before.displayName(), after.displayName())
                && before.meta().equals(after.meta()) && before.kept().equals(after.kept());
        if (sameTarget && now.size() > old.size() && now.subList(0, old.size()).equals(old)
                && after.attachments().subList(0, old.size()).equals(before.attachments())) {
            return AttachmentChanged.Change.ATTACHED;
        }
        if (sameTarget && now.size() < old.size() && after.attachments().stream()
                .allMatch(a -> before.attachments().contains(a))) {
            return AttachmentChanged.Change.DETACHED;
        }
        return AttachmentChanged.Change.UPDATED;
    }

    static String summary(TargetDefinition before, TargetDefinition after) {
        List<String> parts = new ArrayList<>();
        Map<String, Attachment> old = before == null ? Map.of() : byFqn(before.attachments());
        Map<String, Attachment> now = byFqn(after.attachments());
        now.keySet().stream().filter(f -> !old.containsKey(f)).forEach(f -> parts.add("attached " + name(f)));
        old.keySet().stream().filter(f -> !now.containsKey(f)).forEach(f -> parts.add("detached " + name(f)));
        now.forEach((fqn, a) -> {
            Attachment was = old.get(fqn);
            if (was != null && (!Objects.equals(was.config(), a.config()) || !was.match().equals(a.match()))) {
                parts.add("changed the attachment of " + name(fqn));
            }
        });
        if (before == null) {
            parts.addFirst("created");
        } else {
            if (!Objects.equals(before.namespace(), after.namespace())) {
                parts.add("namespace " + before.namespace() + " \u2192 " + after.namespace());
            }
            if (!before.labels().equals(after.labels())) {
                parts.add("workload labels changed");
            }
            if (!Objects.equals(before.displayName(), after.displayName())) {
                parts.add("display name changed");
            }
            if (!before.meta().equals(after.meta())) {
                parts.add("labels or annotations changed");
            }
            java.util.Set<String> fields = new java.util.TreeSet<>(before.kept().propertyNames());
            fields.addAll(after.kept().propertyNames());
            fields.removeIf(f -> Objects.equals(before.kept().get(f), after.kept().get(f)));
            if (!fields.isEmpty()) {
                parts.add("TSB fields changed: " + String.join(", ", fields));
            }
            if (parts.isEmpty() && !before.attachments().stream().map(Attachment::fqn).toList()
                    .equals(after.attachments().stream().map(Attachment::fqn).toList())) {
                parts.add("extensions reordered");
            }
        }
        return parts.isEmpty() ? "saved without changes" : String.join(", ", parts);
    }

    private static Map<String, Attachment> byFqn(List<Attachment> attachments) {
        return attachments.stream().collect(Collectors.toMap(Attachment::fqn, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    private static String name(String fqn) {
        return Fqn.nameOf(fqn);
    }
}
