package org.wasmconsole.attachment.ui;

import java.util.function.Consumer;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.FilterChainService;
import org.wasmconsole.attachment.StoredTarget;
import org.wasmconsole.attachment.TopologyOutlineService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.extension.ExtensionService;

/**
 * What the parts of the tenant's topology need from the panel that holds them: the services,
 * whether the viewer may change things, and how to show a change. A change re-reads only the
 * workspace it happened in.
 *
 * @param saved     shows the target's workspace again after a change to that target (which flashes once)
 * @param refresh   shows the workspace of this name again after any other change or failure in it
 * @param names     the attached extensions' display names
 * @param chains    a target's filter chain, what its default settings pass down included
 */
record TopologyContext(AttachmentService attachments, ExtensionService extensions, TopologyService topology,
                       TopologyOutlineService outlines, String tenantFqn, boolean canEdit,
                       Consumer<StoredTarget> saved, Consumer<String> refresh, ExtensionNames names,
                       FilterChainService chains) {

    String displayName(String extensionFqn) {
        return names.of(extensionFqn);
    }
}
