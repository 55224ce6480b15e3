package org.caredesk.app;

import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreReport;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * Shown instead of the main window when the database failed the integrity check at login: nothing was written to
 * it. Says so in plain words and offers the newest backup that passes the checks (when it was made, what it
 * holds); the button that restores it is the confirmation. The damaged file is kept aside by the restore, never
 * deleted. The other way out is to quit and call for help.
 */
final class DamagedDatabaseView {
    private final VBox root = new VBox(10);

    /**
     * @param onRestored gets the sentence for the login that follows a successful restore
     * @param onQuit     ends the program
     */
    DamagedDatabaseView(DamagedDatabaseException damaged, Login login, TaskRunner tasks,
            Consumer<String> onRestored, Runnable onQuit) {
        root.setPadding(new Insets(28, 32, 28, 32));
        root.setPrefWidth(600);
        root.getStyleClass().add("page");
        Label title = new Label(I18n.get("integrity.damaged.title"));
        title.getStyleClass().add("page-title");
        Label message = wrapped(damaged.result().message());
        message.setId("damaged-message");
        root.getChildren().addAll(title, message);

        Label error = wrapped("");
        error.setId("damaged-error");
        error.getStyleClass().add("error-text");
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.setVisible(false);
        Button quit = new Button(I18n.get("integrity.damaged.quit"));
        quit.setId("damaged-quit");
        quit.setOnAction(e -> onQuit.run());
        HBox actions = new HBox(12);
        VBox.setMargin(actions, new Insets(10, 0, 0, 0));

        if (damaged.result().offer().isPresent()) {
            RestoreReport offer = damaged.result().offer().get();
            VBox holds = new VBox(2);
            holds.setId("damaged-report");
            holds.getStyleClass().add("backup-report");
            holds.getChildren().add(wrapped(I18n.get("integrity.damaged.holds", offer.file().getFileName().toString(),
                    offer.createdText())));
            IntegrityCheck.describe(offer.rowCounts()).forEach(line -> holds.getChildren().add(new Label(line)));
            holds.getChildren().add(new Label(I18n.get("backups.inspect.auditChain",
                    String.valueOf(offer.rowCounts().getOrDefault("AUDIT_LOG", 0L)))));
            Label keep = wrapped(I18n.get("integrity.damaged.keptAside"));
            keep.getStyleClass().add("hint");
            Button restore = new Button(I18n.get("integrity.damaged.restore"));
            restore.setId("damaged-restore");
            restore.setDefaultButton(true);
            restore.getStyleClass().add("accent");
            restore.setOnAction(e -> {
                restore.setDisable(true);
                quit.setDisable(true);
                busy.setVisible(true);
                error.setText("");
                tasks.run(p -> login.restoreDamaged(damaged, p), result -> onRestored.accept(I18n.get(
                        "integrity.restored", result.restored().file().getFileName().toString(),
                        result.restored().createdText(), result.replacedFolder().toString())), ex -> {
                            restore.setDisable(false);
                            quit.setDisable(false);
                            busy.setVisible(false);
                            error.setText(ErrorMessages.of(ex));
                        });
            });
            actions.getChildren().add(restore);
            root.getChildren().addAll(holds, keep);
        }
        actions.getChildren().addAll(quit, busy);
        root.getChildren().addAll(actions, error);
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }

    Parent root() {
        return root;
    }
}
