package org.caredesk.users.ui;

import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import org.caredesk.users.LoginResult;

/**
 * The login window's content. What happens after a successful login (show the main window, ask for a new password)
 * is up to whoever shows it: {@link #setOnLoggedIn}.
 */
public final class LoginView {
    private final LoginViewModel vm;
    private Consumer<LoginResult> onLoggedIn = r -> { };
    private Consumer<Throwable> onRefused = e -> { };

    @FXML private TextField userNameField;
    @FXML private PasswordField passwordField;
    @FXML private Label errorLabel;
    @FXML private Label noticeLabel;
    @FXML private Button loginButton;
    @FXML private ProgressIndicator busyIndicator;

    public LoginView(LoginViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        userNameField.textProperty().bindBidirectional(vm.userNameProperty());
        userNameField.disableProperty().bind(vm.userNameFixedProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        loginButton.disableProperty().bind(vm.canLoginBinding().not());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        noticeLabel.visibleProperty().bind(vm.noticeProperty().isNotEmpty());
        noticeLabel.managedProperty().bind(noticeLabel.visibleProperty());
        // When the login is a window of its own, it grows with its message instead of pushing the button out of
        // sight; as the idle-lock cover inside the main window it leaves the window alone.
        errorLabel.textProperty().addListener((obs, old, now) -> javafx.application.Platform.runLater(() -> {
            javafx.scene.Scene scene = errorLabel.getScene();
            if (scene != null && scene.getRoot() == errorLabel.getParent()
                    && scene.getWindow() instanceof javafx.stage.Stage stage && !stage.isMaximized()) {
                stage.sizeToScene();
            }
        }));
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        // After a refusal the password was cleared: put the cursor back there for the next try.
        vm.errorProperty().addListener((obs, old, now) -> {
            if (!now.isEmpty()) {
                Platform.runLater(passwordField::requestFocus);
            }
        });
        Platform.runLater(() -> (vm.userNameFixedProperty().get() ? passwordField : userNameField).requestFocus());
    }

    public void setOnLoggedIn(Consumer<LoginResult> onLoggedIn) {
        this.onLoggedIn = onLoggedIn;
    }

    /** Also told of every refused login, after its sentence is shown. */
    public void setOnRefused(Consumer<Throwable> onRefused) {
        this.onRefused = onRefused;
    }

    /** Shows a sentence above the form that is not an error. */
    public void showNotice(String text) {
        vm.noticeProperty().set(text == null ? "" : text);
    }

    /** The lock after idle time: only the password of the same user. */
    public void askAgainFor(String userName) {
        vm.askAgainFor(userName);
        Platform.runLater(passwordField::requestFocus);
    }

    @FXML
    private void onLogin() {
        vm.login(result -> onLoggedIn.accept(result), e -> onRefused.accept(e));
    }
}
