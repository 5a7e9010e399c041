package org.wasmconsole.extension;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.Set;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * What the module check (the artifact module, which builds on extensions) adds to the extension
 * screens: the url check in the editor, "Pin" for the catalogue's selection and the "tag moved"
 * filter. The screens take it as a bean, so that the extension module depends on no module above.
 * A page contract: it names Vaadin components although it is not in a {@code ui} package.
 */
public interface ModuleCheckParts {

    /** Shown below the editor's url field: checks the url typed now, on demand. */
    Component urlCheck(Supplier<String> typedUrl);

    /**
     * The catalogue's "Pin N to digests" action.
     *
     * @param selected the names selected now
     * @param done     called after the pins (the catalogue reloads its rows)
     */
    SelectionAction pinSelected(String organization, Supplier<List<String>> selected, Runnable done);

    /** The extensions of the organization whose tag now names another module than the one recorded. */
    Set<String> namesWithMovedTag(String organization);

    /** An action on the catalogue's selection: a component told how many rows are selected. */
    record SelectionAction(Component component, IntConsumer selectionChanged) {
    }
}
