package org.wasmconsole.attachment.ui;

import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.attachment.AttachmentService;
import org.wasmconsole.attachment.TopologyService;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.tenant.TenantSection;
import org.wasmconsole.tenant.TenantSection.Part;

/** A tenant's workspaces and gateways with their attachments, under the tenant's extensions. */
@Configuration(proxyBeanMethods = false)
class TenantTopologySection {

    @Bean
    TenantSection tenantTopology(TopologyService topology, AttachmentService attachments, ExtensionService extensions) {
        return TenantSection.of(200, (tenant, page) -> {
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
        });
    }
}
