package org.wasmconsole.artifact.ui;

import org.springframework.stereotype.Component;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.extension.ExtensionSection;
import org.wasmconsole.extension.StoredExtension;

/** The "Module" tab of an extension's page: read (no fetch) when the tab is opened; the panel checks the url on demand. */
@Component
class ModuleSection implements ExtensionSection {

    private final ModuleService modules;

    ModuleSection(ModuleService modules) {
        this.modules = modules;
    }

    @Override
    public int order() {
        // After "Config schema" (500), so that the earlier tabs kept their places (#19).
        return 600;
    }

    @Override
    public Tab tab(StoredExtension extension, Page page) {
        return Tab.lazy("Module", () -> new ModulePanel(modules, extension, page.admin(), page.reshowHere()));
    }
}
