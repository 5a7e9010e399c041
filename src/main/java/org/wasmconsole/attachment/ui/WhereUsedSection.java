package org.wasmconsole.attachment.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.ExtensionSection.Tab;

/** The "Where used" tab of an extension's page, with the number of attachments in its label. */
@Configuration(proxyBeanMethods = false)
class WhereUsedSection {

    @Bean
    ExtensionSection whereUsedTab(AttachmentService attachments) {
        return ExtensionSection.of(300, (extension, page) -> {
            WhereUsedPanel whereUsed = new WhereUsedPanel(attachments, extension.fqn(), extension.definition().name(),
                    page.admin());
            return Tab.of(whereUsed.usageCount() == 0 ? "Where used" : "Where used (" + whereUsed.usageCount() + ")",
                    whereUsed);
        });
    }
}
