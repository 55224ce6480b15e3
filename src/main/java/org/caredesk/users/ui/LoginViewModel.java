package org.caredesk.users.ui;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.users.Authenticator;
import org.caredesk.users.LoginResult;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The login form: user name, password, and the sentence that says why a login was refused (a wrong password, or the
 * lock after too many). The check runs off the FX thread: it may take a second (password hashing, opening the
 * database).
 */
public final class LoginViewModel {
    private final Authenticator authenticator;
    private final TaskRunner tasks;
    private final StringProperty userName = new SimpleStringProperty("");
    private final StringProperty password = new SimpleStringProperty("");
    private final BooleanProperty userNameFixed = new SimpleBooleanProperty(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanBinding canLogin;

    public LoginViewModel(Authenticator authenticator, TaskRunner tasks) {
        this.authenticator = authenticator;
        this.tasks = tasks;
        canLogin = Bindings.createBooleanBinding(
                () -> !busy.get() && !userName.get().isBlank() && !password.get().isEmpty(),
                busy, userName, password);
    }

    /**
     * For the lock after idle time: the same user must enter their password again, so the name is filled in and
     * cannot be changed.
     */
    public void askAgainFor(String name) {
        userName.set(name);
        userNameFixed.set(true);
        password.set("");
        error.set("");
    }

    /**
     * Tries to log in; {@code onSuccess} runs on the FX thread. On a refusal the password is cleared for the next
     * try and the sentence is shown.
     */
    public void login(Consumer<LoginResult> onSuccess) {
        login(onSuccess, e -> { });
    }

    /**
     * As {@link #login(Consumer)}; {@code onRefused} also gets every refusal (on the FX thread, after the sentence is
     * shown), for a refusal that leads somewhere else, such as a damaged database.
     */
    public void login(Consumer<LoginResult> onSuccess, Consumer<Throwable> onRefused) {
        if (!canLogin.get()) {
            return;
        }
        String name = userName.get();
        char[] pw = password.get().toCharArray();
        busy.set(true);
        error.set("");
        tasks.run(p -> {
            try {
                return authenticator.login(name, pw);
            } finally {
                java.util.Arrays.fill(pw, '\0');
            }
        }, result -> {
            busy.set(false);
            password.set("");
            onSuccess.accept(result);
        }, e -> {
            busy.set(false);
            password.set("");
            error.set(ErrorMessages.of(e));
            onRefused.accept(e);
        });
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public BooleanProperty userNameFixedProperty() {
        return userNameFixed;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canLoginBinding() {
        return canLogin;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A sentence for the user that is not an error (the data was just restored, say); empty for none. */
    public StringProperty noticeProperty() {
        return notice;
    }
}
