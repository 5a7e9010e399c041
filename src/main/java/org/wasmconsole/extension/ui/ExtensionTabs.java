package org.wasmconsole.extension.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.extension.ConfigSchemaService;
import org.wasmconsole.extension.ExtensionSection.Tab;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.ExtensionService;
import org.wasmconsole.extension.ui.config.ConfigSchemaPanel;
import org.wasmconsole.extension.yaml.ExtensionYaml;

/**
 * The extension module's own tabs of the details page: Overview, YAML and Config schema. The other
 * modules contribute theirs (Where used 300, History 400, Module 600) the same way.
 */
@Configuration(proxyBeanMethods = false)
class ExtensionTabs {

    @Bean
    ExtensionSection overviewSection() {
        return ExtensionSection.of(100, (stored, page) -> Tab.of("Overview", new ExtensionOverview(stored)));
    }

    @Bean
    ExtensionSection yamlSection() {
        return ExtensionSection.of(200, (stored, page) -> Tab.of("YAML",
                new ExtensionDetailsYaml(page.organization(), stored.definition().name(), ExtensionYaml.write(stored))));
    }

    /** After History, so that the other tabs kept their places when it came (#19). */
    @Bean
    ExtensionSection configSchemaSection(ConfigSchemaService configSchemas, ExtensionService extensions) {
        return ExtensionSection.of(500, (stored, page) -> Tab.of("Config schema",
                new ConfigSchemaPanel(configSchemas, stored, page.admin(), saved -> extensions
                        .find(page.organization(), stored.definition().name()).ifPresent(page.reshowHere()))));
    }
}
