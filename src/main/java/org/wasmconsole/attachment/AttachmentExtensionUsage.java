package org.wasmconsole.attachment;

import java.util.List;
import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Component;
import org.wasmconsole.extension.ExtensionUsage;

/** The extension screens' view of where an extension is used: the attachment service's, in their terms. */
@Component
@RequiredArgsConstructor
class AttachmentExtensionUsage implements ExtensionUsage {

    private final AttachmentService attachments;

    @Override
    public List<Place> whereUsed(String extensionFqn) {
        return attachments.whereUsed(extensionFqn).stream().map(AttachmentExtensionUsage::place).toList();
    }

    @Override
    public List<Place> invalidatedBy(String extensionFqn, List<String> proposedAllowedIn) {
        return attachments.invalidatedBy(extensionFqn, proposedAllowedIn).stream()
                .map(AttachmentExtensionUsage::place).toList();
    }

    private static Place place(Usage usage) {
        GatewayTarget target = usage.target();
        return new Place(usage.ref().fqn(), usage.attachment().fqn(), target.kind().label(), target.name(),
                usage.ref().tenantName(), target.workspace(), target.group());
    }
}
