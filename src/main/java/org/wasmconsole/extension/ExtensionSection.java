package org.wasmconsole.extension;

import com.vaadin.flow.component.Component;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * One tab of an extension's details page, contributed as a bean by the module that owns what it
 * shows (where used: attachment, history: audit, module: artifact), so that the page, which the
 * extension module owns, depends on none of them. The page shows the tabs by {@link #order()}.
 * A page contract: the one type outside a {@code ui} package that names a Vaadin component.
 */
public interface ExtensionSection {

    /** Where the tab stands: lower comes first. The extension's own tabs take 100 (Overview), 200 (YAML). */
    int order();

    /** The tab for one extension, built each time the page shows it. */
    Tab tab(StoredExtension extension, Page page);

    /** A section from its order and a function that builds its tab. */
    static ExtensionSection of(int order, BiFunction<StoredExtension, Page, Tab> tab) {
        record Built(int order, BiFunction<StoredExtension, Page, Tab> build) implements ExtensionSection {
            @Override
            public Tab tab(StoredExtension extension, Page page) {
                return build.apply(extension, page);
            }
        }
        return new Built(order, tab);
    }

    /** What the page offers a section. */
    interface Page {

        String organization();

        /** Whether the viewer is a platform admin. */
        boolean admin();

        /** Shows the page again for the changed extension, with this section's tab selected. */
        Consumer<StoredExtension> reshowHere();
    }

    /**
     * A tab: its label and its content; a lazy content is built only when the tab is first opened
     * (reads that cost something, like the audit trail).
     */
    record Tab(String label, Supplier<? extends Component> content, boolean lazy, List<String> placeholderClasses) {

        public static Tab of(String label, Component content) {
            return new Tab(label, () -> content, false, List.of());
        }

        /** @param placeholderClasses class names of the element that holds the content until it is built */
        public static Tab lazy(String label, Supplier<? extends Component> content, String... placeholderClasses) {
            return new Tab(label, content, true, List.of(placeholderClasses));
        }
    }
}
