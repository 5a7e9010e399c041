package org.wasmconsole.artifact.ui;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.wasmconsole.artifact.ModuleService;
import org.wasmconsole.extension.ModuleCheckParts;

/** The module check's parts of the extension screens (editor url check, catalogue pin and filter). */
@org.springframework.stereotype.Component
class ModuleCheckScreens implements ModuleCheckParts {

    private final ModuleService modules;

    ModuleCheckScreens(ModuleService modules) {
        this.modules = modules;
    }

    @Override
    public Component urlCheck(Supplier<String> typedUrl) {
        return new UrlCheck(modules, typedUrl);
    }

    @Override
    public SelectionAction pinSelected(String organization, Supplier<List<String>> selected, Runnable done) {
        BulkPin pin = new BulkPin(modules, organization, selected, done);
        return new SelectionAction(pin, pin::selectionChanged);
    }

    @Override
    public Set<String> namesWithMovedTag(String organization) {
        return modules.namesWithMovedTag(organization);
    }
}
