package org.caredesk.people.ui.roster;

import javafx.scene.Parent;
import javafx.stage.Window;

/** Gives a dialog the look of the window that opened it: the same stylesheets and the chosen font size. */
final class DialogStyle {
    private DialogStyle() {}

    static void copy(Window owner, Parent dialogRoot) {
        if (owner == null || owner.getScene() == null) {
            return;
        }
        Parent ownerRoot = owner.getScene().getRoot();
        // The shell puts its stylesheet on the root node, some windows on the scene: take both, before our own.
        dialogRoot.getStylesheets().addAll(0, ownerRoot.getStylesheets());
        dialogRoot.getStylesheets().addAll(0, owner.getScene().getStylesheets());
        String style = ownerRoot.getStyle();
        if (style != null && !style.isBlank()) {
            dialogRoot.setStyle(style);
        }
    }
}
