package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wasmconsole.base.NotFoundException;

/**
 * The edits of one item of an {@code extension} list that a target and a default setting both
 * offer (attach, update, detach). Each answers the definition with a new list; an extension that
 * is not attached is "not found" in the owner.
 */
final class AttachmentLists {

    private AttachmentLists() {
    }

    /** The definition with the attachment added at the end of its list. */
    static <D extends OwnerDefinition<D>> D appended(D owner, Attachment attachment) {
        List<Attachment> next = new ArrayList<>(owner.attachments());
        next.add(attachment);
        return owner.withAttachments(next);
    }

    /** The definition with the config and match of the attachment of the same extension replaced. */
    static <D extends OwnerDefinition<D>> D replaced(D owner, Attachment attachment) {
        List<Attachment> next = new ArrayList<>(owner.attachments());
        next.set(indexOf(owner, attachment.fqn()), attachment);
        return owner.withAttachments(next);
    }

    /** The definition without the attachment of {@code extensionFqn}. */
    static <D extends OwnerDefinition<D>> D without(D owner, String extensionFqn) {
        List<Attachment> next = new ArrayList<>(owner.attachments());
        next.remove(indexOf(owner, extensionFqn));
        return owner.withAttachments(next);
    }

    private static int indexOf(OwnerDefinition<?> owner, String extensionFqn) {
        List<Attachment> list = owner.attachments();
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i).fqn(), extensionFqn)) {
                return i;
            }
        }
        throw new NotFoundException("attachment of " + extensionFqn + " in " + owner.fqn());
    }
}
