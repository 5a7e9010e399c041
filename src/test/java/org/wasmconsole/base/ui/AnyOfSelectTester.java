package org.wasmconsole.base.ui;

import com.vaadin.browserless.ComponentTester;

/** Chooses in an {@link AnyOfSelect} by the caption the user reads, as the library's SelectTester does for Select. */
public class AnyOfSelectTester<T> extends ComponentTester<AnyOfSelect<T>> {

    public AnyOfSelectTester(AnyOfSelect<T> select) {
        super(select);
    }

    public void selectItem(String caption) {
        ensureComponentIsUsable();
        setValueAsUser(getComponent().itemWithLabel(caption));
    }
}
