package org.wasmconsole.base.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** The confirmations the console asks before an action that removes or narrows something. */
public final class ConfirmDialogs {

    private ConfirmDialogs() {
    }

    /**
     * A dialog with Cancel and a red confirm button named after the action ("Detach", "Delete tenant");
     * the caller adds the header, the text and what confirming does.
     */
    public static ConfirmDialog destructive(String confirmText) {
        ConfirmDialog dialog = new ConfirmDialog();
        dialog.setCancelable(true);
        dialog.setConfirmText(confirmText);
        dialog.setConfirmButtonTheme("error primary");
        return dialog;
    }
}
