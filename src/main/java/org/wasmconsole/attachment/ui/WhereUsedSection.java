package org.wasmconsole.attachment.ui;

import org.springframework.stereotype.Component;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.StoredExtension;

/** The "Where used" tab of an extension's page, with the number of attachments in its label. */
@Component
class WhereUsedSection implements ExtensionSection {

    private final AttachmentService attachments;

    WhereUsedSection(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public Tab tab(StoredExtension extension, Page page) {
        WhereUsedPanel whereUsed = new WhereUsedPanel(attachments, extension.fqn(), extension.definition().name(),
                page.admin());
        return Tab.of(whereUsed.usageCount() == 0 ? "Where used" : "Where used (" + whereUsed.usageCount() + ")",
                whereUsed);
    }
}
