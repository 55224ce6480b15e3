package org.caredesk.ui;

import javafx.scene.Parent;
import javafx.stage.Window;

/** What the registry's own windows share with the main window. */
public final class Dialogs {
    private Dialogs() {}

    /** The main window's stylesheets and font size (the 大字 setting) on a dialog's root. */
    public static void inheritLook(Window owner, Parent root) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        for (String css : owner.getScene().getStylesheets()) {
            if (!root.getStylesheets().contains(css)) {
                root.getStylesheets().add(0, css);
            }
        }
        Parent ownerRoot = owner.getScene().getRoot();
        for (String css : ownerRoot.getStylesheets()) {
            if (!root.getStylesheets().contains(css)) {
                root.getStylesheets().add(0, css);
            }
        }
        root.setStyle(ownerRoot.getStyle());
    }
}
