package org.wasmconsole.artifact.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.ExtensionSection.Tab;

/** The "Module" tab of an extension's page: read (no fetch) when the tab is opened; the panel checks the url on demand. */
@Configuration(proxyBeanMethods = false)
class ModuleSection {

    /** After "Config schema" (500), so that the earlier tabs kept their places (#19). */
    @Bean
    ExtensionSection moduleTab(ModuleService modules) {
        return ExtensionSection.of(600, (extension, page) -> Tab.lazy("Module",
                () -> new ModulePanel(modules, extension, page.admin(), page.reshowHere())));
    }
}
