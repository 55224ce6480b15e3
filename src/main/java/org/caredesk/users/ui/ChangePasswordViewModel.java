package org.caredesk.users.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.I18n;
import org.caredesk.common.ValidationException;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.security.Session;
import org.caredesk.users.service.UserService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/** The logged-in user changes their own password: the current one, the new one twice. */
public final class ChangePasswordViewModel {
    public static final String OLD = UserService.OLD_PASSWORD;
    public static final String NEW = UserService.PASSWORD;
    public static final String REPEAT = "passwordRepeat";

    private final UserService service;
    private final Session session;
    private final TaskRunner tasks;
    private final StringProperty oldPassword = new SimpleStringProperty("");
    private final StringProperty newPassword = new SimpleStringProperty("");
    private final StringProperty repeat = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<Map<String, String>> messages = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");

    public ChangePasswordViewModel(UserService service, Session session, TaskRunner tasks) {
        this.service = service;
        this.session = session;
        this.tasks = tasks;
        oldPassword.addListener((obs, old, now) -> validate());
        newPassword.addListener((obs, old, now) -> validate());
        repeat.addListener((obs, old, now) -> validate());
        validate();
    }

    /** Who is changing their password, for the dialog's title. */
    public String whoText() {
        return session.current().map(u -> I18n.get("password.change.who", u.displayName(), u.userName()))
                .orElse("");
    }

    private void validate() {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean ok = !oldPassword.get().isEmpty() && !newPassword.get().isEmpty() && !repeat.get().isEmpty();
        if (!newPassword.get().isEmpty()) {
            var problems = PasswordPolicy.check(NEW, newPassword.get().toCharArray());
            if (!problems.isEmpty()) {
                shown.put(NEW, Sentences.of(problems));
                ok = false;
            } else if (newPassword.get().equals(oldPassword.get())) {
                shown.put(NEW, I18n.get("problem.password.sameAsOld"));
                ok = false;
            }
        }
        if (!repeat.get().isEmpty() && !repeat.get().equals(newPassword.get())) {
            shown.put(REPEAT, I18n.get("problem.password.mismatch"));
            ok = false;
        }
        messages.set(Map.copyOf(shown));
        valid.set(ok && !busy.get());
    }

    /** Changes the password off the FX thread; {@code onChanged} runs on the FX thread after success. */
    public void change(Runnable onChanged) {
        if (!valid.get()) {
            return;
        }
        char[] old = oldPassword.get().toCharArray();
        char[] now = newPassword.get().toCharArray();
        busy.set(true);
        error.set("");
        validate();
        tasks.run(p -> {
            service.changeOwnPassword(session, old, now);
            return Boolean.TRUE;
        }, done -> {
            busy.set(false);
            oldPassword.set("");
            newPassword.set("");
            repeat.set("");
            validate();
            onChanged.run();
        }, e -> {
            busy.set(false);
            if (e instanceof ValidationException v) {
                if (v.problems().stream().anyMatch(p -> OLD.equals(p.field()))) {
                    oldPassword.set("");
                }
                validate();
                // Each problem shows under its field, which says more than a general sentence would.
                Map<String, String> shown = new LinkedHashMap<>(messages.get());
                v.problems().forEach(p -> shown.put(p.field(), p.localized()));
                messages.set(Map.copyOf(shown));
            } else {
                validate();
                error.set(ErrorMessages.of(e));
            }
        });
    }

    public StringProperty oldPasswordProperty() {
        return oldPassword;
    }

    public StringProperty newPasswordProperty() {
        return newPassword;
    }

    public StringProperty repeatProperty() {
        return repeat;
    }

    public ReadOnlyObjectProperty<Map<String, String>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }
}
