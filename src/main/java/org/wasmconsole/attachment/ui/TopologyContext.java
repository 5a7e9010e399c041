package org.wasmconsole.attachment.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.extension.ExtensionService;

/**
 * What the parts of the tenant's topology need from the panel that holds them: the services,
 * whether the viewer may change things, and how to show a change.
 *
 * @param saved       shows the topology again after a change to that target (which flashes once)
 * @param refresh     shows the topology again after any other change or failure
 * @param displayName an attached extension's display name by FQN ("" when it has none)
 * @param definition  an attached extension by FQN, if it exists and the viewer may see it (read by the
 *                    panel for a whole workspace at once, not per attachment)
 */
record TopologyContext(AttachmentService attachments, ExtensionService extensions, boolean canEdit,
                       Consumer<StoredTarget> saved, Runnable refresh, Function<String, String> displayName,
                       Function<String, java.util.Optional<org.wasmconsole.extension.ExtensionDefinition>> definition) {

    String displayName(String extensionFqn) {
        return displayName.apply(extensionFqn);
    }
}
