package org.wasmconsole.attachment;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.wasmconsole.base.NotFoundException;

/**
 * The edits of one item of an {@code extension} list that a target and a default setting both
 * offer (attach, update, detach). Each answers a new list; an extension that is not attached is
 * "not found" in the owner.
 */
final class AttachmentLists {

    private AttachmentLists() {
    }

    /** The list with the attachment added at its end. */
    static List<Attachment> appended(List<Attachment> list, Attachment attachment) {
        List<Attachment> next = new ArrayList<>(list);
        next.add(attachment);
        return next;
    }

    /** The list with the config and match of the attachment of the same extension replaced. */
    static List<Attachment> replaced(List<Attachment> list, Attachment attachment, String ownerFqn) {
        List<Attachment> next = new ArrayList<>(list);
        next.set(indexOf(list, attachment.fqn(), ownerFqn), attachment);
        return next;
    }

    /** The list without the attachment of {@code extensionFqn}. */
    static List<Attachment> without(List<Attachment> list, String extensionFqn, String ownerFqn) {
        List<Attachment> next = new ArrayList<>(list);
        next.remove(indexOf(list, extensionFqn, ownerFqn));
        return next;
    }

    private static int indexOf(List<Attachment> list, String extensionFqn, String ownerFqn) {
        for (int i = 0; i < list.size(); i++) {
            if (Objects.equals(list.get(i).fqn(), extensionFqn)) {
                return i;
            }
        }
        throw new NotFoundException("attachment of " + extensionFqn + " in " + ownerFqn);
    }
}
