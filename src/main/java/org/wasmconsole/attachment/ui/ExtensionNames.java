package org.wasmconsole.attachment.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.base.Fqn;
import org.wasmconsole.extension.ExtensionService;

/**
 * Display names of the extensions attached in the cards shown so far, by extension FQN: read for
 * the names a page of cards brings that are not known yet (one query a page), however many there are.
 */
final class ExtensionNames {

    private final ExtensionService extensions;
    private final String organization;
    private final Map<String, String> names = new HashMap<>();

    ExtensionNames(ExtensionService extensions, String tenantFqn) {
        this.extensions = extensions;
        this.organization = Fqn.tenantOf(tenantFqn).organization();
    }

    /** Reads the names of these targets' attached extensions not read yet (of the tenant's organization). */
    void load(List<StoredTarget> targets) {
        List<String> unknown = targets.stream().flatMap(t -> t.definition().attachments().stream())
                .filter(a -> !names.containsKey(a.fqn()))
                .map(a -> Fqn.tryParse(a.fqn(), Fqn.Level.EXTENSION).orElse(null))
                .filter(Objects::nonNull).filter(x -> x.organization().equals(organization)).map(Fqn::extension)
                .distinct().toList();
        if (unknown.isEmpty()) {
            return;
        }
        unknown.forEach(name -> names.put(Fqn.extension(organization, name).toString(), ""));
        extensions.displayNames(organization, unknown).forEach((name, displayName) -> names.put(
                Fqn.extension(organization, name).toString(), displayName));
    }

    /** Forgets what was read (the page is shown again from scratch). */
    void clear() {
        names.clear();
    }

    /** The display name, "" when it has none or is not known. */
    String of(String extensionFqn) {
        String name = names.get(extensionFqn);
        return name == null ? "" : name;
    }
}
