package org.wasmconsole.attachment;

import java.util.List;

/**
 * A definition with an {@code extension} list: a gateway's or security setting's
 * ({@link TargetDefinition}) or a default setting's ({@link DefaultSettingDefinition}), which
 * {@link AttachmentLists} edits one item at a time.
 */
interface OwnerDefinition<D extends OwnerDefinition<D>> {

    String fqn();

    List<Attachment> attachments();

    /** The same definition with another {@code extension} list. */
    D withAttachments(List<Attachment> replaced);
}
