package org.caredesk.ui;

import javafx.beans.value.ObservableValue;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Modality;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * The one way a screen opens a window of its own (a form, a list behind a number, a progress window): owned by the
 * window that opened it and modal to it, with that window's stylesheets and font size (the 大字 setting), no larger
 * than the screen (a 1366x768 laptop is common at the centre), and the unsaved-input guard where there is input.
 */
public final class FormWindow {
    /** Room left around a window so its title bar and the task bar stay visible. */
    private static final double MARGIN = 40;

    private final Stage stage = new Stage();
    private final Window owner;
    private final Parent root;
    private double width = -1;
    private double height = -1;

    private FormWindow(Window owner, Parent root) {
        this.owner = owner;
        this.root = root;
        if (owner != null) {
            stage.initOwner(owner);
            stage.initModality(Modality.WINDOW_MODAL);
        }
    }

    /** A window for {@code root} over {@code owner}; without an owner (a test, the start flow) it stands alone. */
    public static FormWindow over(Window owner, Parent root) {
        return new FormWindow(owner, root);
    }

    /** Blocks every other window when there is no owner to be modal to (a progress window must not be missed). */
    public FormWindow modalWithoutOwner() {
        if (owner == null) {
            stage.initModality(Modality.APPLICATION_MODAL);
        }
        return this;
    }

    public FormWindow title(String title) {
        stage.setTitle(title);
        return this;
    }

    /** A title that follows the form (新建档案 / 编辑档案: 张三). */
    public FormWindow title(ObservableValue<String> title) {
        stage.titleProperty().bind(title);
        return this;
    }

    /** The size the window would like; it shrinks to fit a small screen. Without it the content decides. */
    public FormWindow size(double preferredWidth, double preferredHeight) {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        width = Math.min(preferredWidth, screen.getWidth() - MARGIN);
        height = Math.min(preferredHeight, screen.getHeight() - MARGIN);
        return this;
    }

    /** A small fixed dialog (a password, 销册): the content decides its size, the user cannot stretch it. */
    public FormWindow fixedSize() {
        stage.setResizable(false);
        return this;
    }

    /** Asks before the window's close button throws away unsaved input. */
    public FormWindow guard(DiscardGuard discard) {
        discard.guard(stage);
        return this;
    }

    /** The window with its scene, not shown yet: for accelerators and close handlers that need the stage. */
    public Stage build() {
        if (stage.getScene() == null) {
            stage.setScene(width > 0 ? new Scene(root, width, height) : new Scene(root));
            inheritLook(owner, root);
        }
        return stage;
    }

    public Stage show() {
        build().show();
        return stage;
    }

    /** The owner's stylesheets (on its scene and its root) and font size on another window's root. */
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
        String style = ownerRoot.getStyle();
        if (style != null && !style.isBlank()) {
            root.setStyle(style);
        }
    }
}
