package org.caredesk.roster.ui;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.ui.FormWindow;

/**
 * A small window with a progress bar and a Cancel button, shown while a long file job (check, export) runs in the
 * background. Cancel asks the job to stop at the next row; the caller closes the window when the job ends.
 */
final class ProgressDialog {
    private final Stage stage;
    private final ProgressRelay relay;

    private ProgressDialog(Window owner, String title, String message, Consumer<Runnable> fx) {
        relay = new ProgressRelay(fx);
        Label text = new Label(message);
        text.setId("progressMessage");
        text.setWrapText(true);
        text.setMaxWidth(420);
        relay.messageProperty().addListener((obs, old, now) -> {
            if (now != null && !now.isEmpty()) {
                text.setText(now);
            }
        });
        ProgressBar bar = new ProgressBar();
        bar.setId("progressBar");
        bar.setPrefWidth(420);
        bar.progressProperty().bind(relay.fractionProperty());
        Label detail = new Label();
        detail.getStyleClass().add("hint");
        detail.textProperty().bind(relay.detailProperty());
        Button cancel = new Button(I18n.get("roster.progress.cancel"));
        cancel.setId("progressCancelButton");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            relay.cancel();
            cancel.setDisable(true);
        });
        HBox buttons = new HBox(cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox root = new VBox(12, text, bar, detail, buttons);
        root.setPadding(new Insets(20, 24, 16, 24));
        root.getStyleClass().addAll("page", "progress-dialog");
        root.setId("progressDialog");
        stage = FormWindow.over(owner, root).modalWithoutOwner().title(title).fixedSize().build();
        // Closing the window means the same as Cancel; it closes for real once the job has stopped.
        stage.setOnCloseRequest(e -> {
            e.consume();
            cancel.fire();
        });
    }

    /** Opens the window (without waiting) and returns it. */
    static ProgressDialog open(Window owner, String title, String message, Consumer<Runnable> fx) {
        ProgressDialog d = new ProgressDialog(owner, title, message, fx);
        d.stage.show();
        return d;
    }

    /** The progress for the job: reports move the bar, and it answers "cancelled" after Cancel. */
    Progress wrap(Progress inner) {
        return relay.wrap(inner);
    }

    boolean cancelled() {
        return relay.isCancelled();
    }

    void close() {
        stage.close();
    }
}
