package org.wasmconsole.base.ui;

/**
 * The line under the navigation that says what the signed-in user may do here; contributed by the
 * module that knows the roles, so that the layout does not.
 */
public interface DrawerFooter {

    /** The text for whoever is signed in now. */
    String text();
}
