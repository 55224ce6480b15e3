package org.caredesk.app;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import javafx.geometry.Insets;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The first start of a data folder: for a new folder, the community (a name or the demo) and the first
 * administrator's account; for a folder from before encryption, a sentence that its data will now be protected and
 * the administrator's account. On success the administrator is logged in. A new folder can instead be restored from
 * a backup (the PC that held the data is gone), after which the login follows.
 */
public final class SetupView {
    private final VBox root = new VBox(8);

    /**
     * @param onRestored for a new folder restored from a backup ("从备份恢复"): gets the sentence for the login that
     *                   follows
     */
    public SetupView(Path dataDir, DataFolderKeys.State state, Login login, TaskRunner tasks,
            Consumer<AppContext> onDone, DialogService dialogs, Consumer<String> onRestored) {
        boolean fresh = state == DataFolderKeys.State.NEW;
        root.setPadding(new Insets(28, 32, 28, 32));
        root.setPrefWidth(580);
        root.getStyleClass().add("page");
        Label title = new Label(I18n.get("firstStart.title"));
        title.getStyleClass().add("page-title");
        Label intro = new Label(I18n.get(fresh ? "firstStart.intro" : "setup.introUnencrypted", dataDir.toString()));
        intro.setWrapText(true);
        intro.setMinHeight(Label.USE_PREF_SIZE);
        root.getChildren().addAll(title, intro);

        CommunityPicker choice = new CommunityPicker("setup.demoHint");
        RadioButton fromBackup = new RadioButton(I18n.get("restoreNew.choice"));
        fromBackup.setId("firstStart-restore");
        choice.add(fromBackup);
        RestoreFromBackupPane restorePane = new RestoreFromBackupPane(dataDir, tasks, dialogs, login.clock(),
                onRestored);
        showWhen(restorePane.root(), fromBackup);
        if (fresh) {
            root.getChildren().addAll(choice.nodes());
            root.getChildren().addAll(fromBackup, restorePane.root());
        }

        Label adminTitle = new Label(I18n.get("setup.admin"));
        adminTitle.getStyleClass().add("section-title");
        VBox.setMargin(adminTitle, new Insets(10, 0, 0, 0));
        Label adminHint = new Label(I18n.get("setup.adminHint"));
        adminHint.setWrapText(true);
        adminHint.setMinHeight(Label.USE_PREF_SIZE);
        adminHint.getStyleClass().add("hint");
        TextField user = new TextField();
        user.setId("setup-userName");
        TextField display = new TextField();
        display.setId("setup-displayName");
        PasswordField password = new PasswordField();
        password.setId("setup-password");
        PasswordField repeat = new PasswordField();
        repeat.setId("setup-repeat");
        Label rule = new Label(I18n.get("password.rule", String.valueOf(PasswordPolicy.MIN_LENGTH),
                String.valueOf(PasswordPolicy.MIN_CLASSES)));
        rule.setWrapText(true);
        rule.setMinHeight(Label.USE_PREF_SIZE);
        rule.getStyleClass().add("hint");

        Label error = new Label();
        error.setId("firstStart-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);
        error.setMinHeight(Label.USE_PREF_SIZE);
        ProgressIndicator busy = new ProgressIndicator();
        busy.setVisible(false);
        busy.setPrefSize(24, 24);
        Button start = new Button(I18n.get("firstStart.start"));
        start.setId("firstStart-start");
        start.setDefaultButton(true);
        start.getStyleClass().add("accent");
        start.setOnAction(e -> {
            if (!password.getText().equals(repeat.getText())) {
                error.setText(I18n.get("problem.password.mismatch"));
                return;
            }
            error.setText("");
            start.setDisable(true);
            busy.setVisible(true);
            Login.CommunityChoice chosen = !fresh ? null
                    : choice.isDemo() ? Login.CommunityChoice.demoCommunity()
                    : Login.CommunityChoice.named(choice.name());
            String userName = user.getText();
            String displayName = display.getText();
            char[] pw = password.getText().toCharArray();
            tasks.run(p -> {
                try {
                    return login.setUp(dataDir, chosen, userName, displayName, pw);
                } finally {
                    Arrays.fill(pw, '\0');
                }
            }, ctx -> {
                password.clear();
                repeat.clear();
                onDone.accept(ctx);
            }, ex -> {
                start.setDisable(false);
                busy.setVisible(false);
                error.setText(ErrorMessages.of(ex));
            });
        });
        HBox actions = new HBox(12, start, busy);
        VBox.setMargin(actions, new Insets(10, 0, 0, 0));
        VBox account = new VBox(8, adminTitle, adminHint, new Label(I18n.get("field.userName")), user,
                new Label(I18n.get("field.displayName")), display, new Label(I18n.get("password.change.new")),
                password, new Label(I18n.get("password.change.repeat")), repeat, rule, actions, error);
        // Restoring brings the accounts of the backup: the new administrator's form is for the other two choices.
        account.visibleProperty().bind(fromBackup.selectedProperty().not());
        account.managedProperty().bind(account.visibleProperty());
        root.getChildren().add(account);
        fromBackup.selectedProperty().addListener((o, was, is) -> {
            start.setDefaultButton(!is);
            if (root.getScene() != null && root.getScene().getWindow() != null) {
                root.getScene().getWindow().sizeToScene();
            }
        });
    }

    private static void showWhen(javafx.scene.Node node, RadioButton chosen) {
        node.visibleProperty().bind(chosen.selectedProperty());
        node.managedProperty().bind(node.visibleProperty());
    }

    public Parent root() {
        return root;
    }
}
