package org.wasmconsole.audit.ui;

import org.springframework.stereotype.Component;
import org.wasmconsole.audit.AuditService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.StoredExtension;

/** The "History" tab of an extension's page: read from the audit trail only when the tab is opened. */
@Component
class HistorySection implements ExtensionSection {

    private final AuditService audit;

    HistorySection(AuditService audit) {
        this.audit = audit;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public Tab tab(StoredExtension extension, Page page) {
        return Tab.lazy("History", () -> new ExtensionHistoryPanel(audit, page.organization(),
                extension.definition().name(), extension.etag(), page.admin(), page.reshowHere()), "details-history");
    }
}
