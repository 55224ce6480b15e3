package org.caredesk.users.ui;

import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.ui.FormWindow;

/**
 * The 修改密码 dialog. Opened by the user from the user-management page, or by the program right after a login with
 * a password an administrator chose ({@code forced}), which says why.
 */
public final class ChangePasswordView {
    private final ChangePasswordViewModel vm;

    @FXML private VBox root;
    @FXML private Label whoLabel;
    @FXML private Label forcedLabel;
    @FXML private PasswordField oldPasswordField;
    @FXML private Label oldPasswordError;
    @FXML private PasswordField newPasswordField;
    @FXML private Label newPasswordError;
    @FXML private PasswordField repeatField;
    @FXML private Label repeatError;
    @FXML private Label ruleLabel;
    @FXML private Label errorLabel;
    @FXML private Button changePasswordButton;

    private Stage stage;
    private Runnable onChanged = () -> { };
    private Runnable onCancelled = () -> { };

    public ChangePasswordView(ChangePasswordViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        whoLabel.setText(vm.whoText());
        ruleLabel.setText(I18n.get("password.rule", String.valueOf(PasswordPolicy.MIN_LENGTH),
                String.valueOf(PasswordPolicy.MIN_CLASSES)));
        oldPasswordField.textProperty().bindBidirectional(vm.oldPasswordProperty());
        newPasswordField.textProperty().bindBidirectional(vm.newPasswordProperty());
        repeatField.textProperty().bindBidirectional(vm.repeatProperty());
        changePasswordButton.disableProperty().bind(vm.validProperty().not());
        Map<String, Label> fieldLabels = Map.of(ChangePasswordViewModel.OLD, oldPasswordError,
                ChangePasswordViewModel.NEW, newPasswordError, ChangePasswordViewModel.REPEAT, repeatError);
        for (Label l : fieldLabels.values()) {
            l.visibleProperty().bind(l.textProperty().isNotEmpty());
            l.managedProperty().bind(l.visibleProperty());
        }
        vm.messagesProperty().addListener((obs, old, now) -> {
            fieldLabels.forEach((field, label) -> label.setText(now.getOrDefault(field, "")));
            if (stage != null) {
                stage.sizeToScene();
            }
        });
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        forced(false);
    }

    private void forced(boolean forced) {
        forcedLabel.setVisible(forced);
        forcedLabel.setManaged(forced);
    }

    /**
     * Shows the dialog over {@code owner}.
     *
     * @param forced      the password was set by an administrator: say that a new one is needed now
     * @param changed     runs after the password was changed and the dialog closed
     * @param cancelled   runs when the dialog is closed without a change
     */
    public void show(Window owner, boolean forced, Runnable changed, Runnable cancelled) {
        this.onChanged = changed;
        this.onCancelled = cancelled;
        forced(forced);
        stage = FormWindow.over(owner, root).title(I18n.get("password.change.title")).fixedSize().build();
        stage.setOnCloseRequest(e -> onCancelled.run());
        stage.show();
        oldPasswordField.requestFocus();
    }

    @FXML
    private void onChange() {
        vm.change(() -> {
            stage.close();
            onChanged.run();
        });
    }

    @FXML
    private void onCancel() {
        stage.close();
        onCancelled.run();
    }
}
