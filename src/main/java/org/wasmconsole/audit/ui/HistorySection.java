package org.wasmconsole.audit.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.ExtensionSection.Tab;

/** The "History" tab of an extension's page: read from the audit trail only when the tab is opened. */
@Configuration(proxyBeanMethods = false)
class HistorySection {

    @Bean
    ExtensionSection historyTab(AuditService audit) {
        return ExtensionSection.of(400, (extension, page) -> Tab.lazy("History",
                () -> new ExtensionHistoryPanel(audit, page.organization(), extension.definition().name(),
                        extension.etag(), page.admin(), page.reshowHere()), "details-history"));
    }
}
