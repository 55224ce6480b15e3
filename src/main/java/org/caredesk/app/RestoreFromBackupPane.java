package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreService;
import org.caredesk.security.BackupKeys;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.users.service.UserService;

/**
 * "从备份恢复" on the first start of a new data folder (the office PC died, this is the new one): a backup file, the
 * user name and password of an account in that backup; "检查" opens the backup's own key ring with them and shows
 * what the backup holds, "恢复" puts it in place. The login follows, with the same password (decision 0019).
 */
final class RestoreFromBackupPane {
    private static final List<String> SUMMARY_TABLES = List.of("PERSON", "VISIT", "INCIDENT", "AUDIT_LOG");
    private final VBox root = new VBox(8);
    private final Path dataDir;
    private final TaskRunner tasks;
    private final Clock clock;
    private final TextField file = new TextField();
    private final TextField user = new TextField();
    private final PasswordField password = new PasswordField();
    private final Label summary = new Label();
    private final Label error = new Label();
    private final Button check = new Button(I18n.get("restoreNew.check"));
    private final Button restore = new Button(I18n.get("restoreNew.restore"));
    private final ProgressIndicator busy = new ProgressIndicator();
    /** The password that opened the checked backup; null until a check passes, wiped when anything changes. */
    private BackupKeys.Password checked;

    /** @param onRestored gets the sentence for the login that follows */
    RestoreFromBackupPane(Path dataDir, TaskRunner tasks, DialogService dialogs, Clock clock,
            Consumer<String> onRestored) {
        this.dataDir = dataDir;
        this.tasks = tasks;
        this.clock = clock;
        Label hint = wrapped(I18n.get("restoreNew.hint"));
        hint.getStyleClass().add("hint");
        file.setId("restoreNew-file");
        file.setPromptText(I18n.get("restoreNew.filePrompt"));
        HBox.setHgrow(file, Priority.ALWAYS);
        Button choose = new Button(I18n.get("restoreNew.choose"));
        choose.setId("restoreNew-choose");
        choose.setOnAction(e -> dialogs.chooseBackupToOpen(I18n.get("restoreNew.choose"))
                .ifPresent(p -> file.setText(p.toString())));
        user.setId("restoreNew-userName");
        password.setId("restoreNew-password");
        summary.setId("restoreNew-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Label.USE_PREF_SIZE);
        error.setId("restoreNew-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        check.setId("restoreNew-check");
        check.setDefaultButton(true);
        restore.setId("restoreNew-restore");
        restore.getStyleClass().add("accent");
        restore.setDisable(true);
        busy.setVisible(false);
        busy.setPrefSize(24, 24);
        file.textProperty().addListener((o, a, b) -> forget());
        user.textProperty().addListener((o, a, b) -> forget());
        password.textProperty().addListener((o, a, b) -> forget());
        check.setOnAction(e -> check());
        restore.setOnAction(e -> restore(onRestored));
        root.getChildren().addAll(hint, new Label(I18n.get("restoreNew.file")), new HBox(8, file, choose),
                new Label(I18n.get("field.userName")), user, new Label(I18n.get("restoreNew.password")), password,
                new HBox(12, check, restore, busy), summary, error);
        VBox.setMargin(root, new Insets(0, 0, 0, 26));
    }

    VBox root() {
        return root;
    }

    private void check() {
        error.setText("");
        summary.setText("");
        if (file.getText().isBlank() || user.getText().isBlank() || password.getText().isEmpty()) {
            error.setText(I18n.get("restoreNew.incomplete"));
            return;
        }
        forget();
        Path backup = Path.of(file.getText().strip()).toAbsolutePath();
        BackupKeys.Password key = BackupKeys.password(UserService.normaliseUserName(user.getText()),
                password.getText().toCharArray());
        working(true);
        tasks.run(p -> service(key).inspect(backup, p), report -> {
            working(false);
            if (!report.ok()) {
                key.close();
                error.setText(I18n.get("restore.error.notUsable", backup.getFileName().toString(),
                        report.problems().get(0)));
                return;
            }
            checked = key;
            summary.setText(describe(report));
            restore.setDisable(false);
            fitWindow();
        }, ex -> {
            key.close();
            working(false);
            error.setText(ErrorMessages.of(ex));
        });
    }

    private void restore(Consumer<String> onRestored) {
        BackupKeys.Password key = checked;
        if (key == null) {
            return;
        }
        checked = null;
        Path backup = Path.of(file.getText().strip()).toAbsolutePath();
        String name = UserService.normaliseUserName(user.getText());
        working(true);
        tasks.run(p -> {
            try {
                return BackupsService.restoreWithoutSession(service(key), key.databaseFiles(), dataDir, backup, name,
                        "restore.audit.newFolder", clock, p == null ? Progress.NONE : p);
            } finally {
                key.close();
            }
        }, result -> {
            password.clear();
            onRestored.accept(I18n.get("restoreNew.done", backup.getFileName().toString(), name));
        }, ex -> {
            working(false);
            error.setText(ErrorMessages.of(ex));
        });
    }

    private RestoreService service(BackupKeys.Password key) {
        return BackupsModule.restoreWithPassword(dataDir, key, clock);
    }

    private static String describe(RestoreReport report) {
        StringBuilder s = new StringBuilder(I18n.get("restoreNew.checked", report.file().getFileName().toString(),
                report.createdText()));
        // The few tables a person recognises (the command line lists them all): the window stays on the screen.
        Map<String, Long> shown = new TreeMap<>();
        for (String table : SUMMARY_TABLES) {
            if (report.rowCounts().containsKey(table)) {
                shown.put(table, report.rowCounts().get(table));
            }
        }
        IntegrityCheck.describe(shown).forEach(line -> s.append('\n').append(line));
        report.notes().forEach(n -> s.append('\n').append(n));
        return s.toString();
    }

    /** The summary adds a line per table: the window grows with it rather than cut it off. */
    private void fitWindow() {
        if (root.getScene() != null && root.getScene().getWindow() != null) {
            root.getScene().getWindow().sizeToScene();
        }
    }

    private void forget() {
        if (checked != null) {
            checked.close();
            checked = null;
        }
        restore.setDisable(true);
    }

    private void working(boolean on) {
        busy.setVisible(on);
        check.setDisable(on);
        if (on) {
            restore.setDisable(true);
        }
    }

    private static Label wrapped(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.setMinHeight(Label.USE_PREF_SIZE);
        return l;
    }
}
