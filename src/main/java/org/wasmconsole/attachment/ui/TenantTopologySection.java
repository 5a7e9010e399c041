package org.wasmconsole.attachment.ui;

import java.util.List;
import org.springframework.stereotype.Component;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantInfo;
import org.wasmconsole.tenant.TenantSection;

/**
 * A tenant's workspaces and gateways with their attachments, under the tenant's extensions. A component
 * of its own rather than a {@code TenantSection.of} bean like the other sections: it takes another
 * module's service ({@link ExtensionService}), and Spring Modulith sees such a reference (for the module
 * docs) only in a constructor (here the record's).
 */
@Component
record TenantTopologySection(TopologyService topology, AttachmentService attachments, ExtensionService extensions)
        implements TenantSection {

    @Override
    public int order() {
        return 200;
    }

    @Override
    public Part create(TenantInfo tenant, Page page) {
        TenantTopologyPanel panel = new TenantTopologyPanel(topology, attachments, extensions, tenant.fqn(),
                page.admin());
        return new Part() {
            @Override
            public List<com.vaadin.flow.component.Component> components() {
                return List.of(panel);
            }

            @Override
            public void refresh() {
                panel.refresh();
            }

            @Override
            public boolean reveal(String targetFqn) {
                return panel.reveal(targetFqn);
            }
        };
    }
}
