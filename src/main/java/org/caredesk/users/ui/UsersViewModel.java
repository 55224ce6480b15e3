package org.caredesk.users.ui;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.ValidationException;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.users.User;
import org.caredesk.users.service.UserService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;

/**
 * The user-management page: the list of accounts, a form to add one, and the actions on the selected account
 * (its roles, a password reset, deactivation). The service checks the caller's right and every rule again.
 */
public final class UsersViewModel {
    /** Keys of {@link #messagesProperty()}: the add form's fields and the selected account's. */
    public static final String USER_NAME = UserService.USER_NAME;
    public static final String DISPLAY_NAME = UserService.DISPLAY_NAME;
    public static final String ROLES = PermissionMatrix.ROLES_FIELD;
    public static final String PASSWORD = UserService.PASSWORD;
    public static final String PASSWORD_REPEAT = "passwordRepeat";
    public static final String EDIT_ROLES = "editRoles";
    public static final String RESET_PASSWORD = "resetPassword";
    public static final String RESET_REPEAT = "resetRepeat";
    private static final Set<String> FIELDS = Set.of(USER_NAME, DISPLAY_NAME, ROLES, PASSWORD, PASSWORD_REPEAT,
            EDIT_ROLES, RESET_PASSWORD, RESET_REPEAT);

    private final UserService service;
    private final Session session;
    private final TaskRunner tasks;
    private final Clock clock;

    private final ObservableList<User> users = FXCollections.observableArrayList();
    private final ObjectProperty<User> selected = new SimpleObjectProperty<>();

    private final StringProperty userName = new SimpleStringProperty("");
    private final StringProperty displayName = new SimpleStringProperty("");
    private final RoleChoice newRoles = new RoleChoice();
    private final StringProperty password = new SimpleStringProperty("");
    private final StringProperty passwordRepeat = new SimpleStringProperty("");

    private final RoleChoice editRoles = new RoleChoice();
    private final StringProperty resetPassword = new SimpleStringProperty("");
    private final StringProperty resetRepeat = new SimpleStringProperty("");

    private final ReadOnlyObjectWrapper<Map<String, String>> messages = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper addValid = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty info = new SimpleStringProperty("");

    private final BooleanBinding canSaveRoles;
    private final BooleanBinding canReset;
    private final BooleanBinding canDeactivate;

    public UsersViewModel(UserService service, Session session, TaskRunner tasks, Clock clock) {
        this.service = service;
        this.session = session;
        this.tasks = tasks;
        this.clock = clock;
        for (var p : List.of(userName, displayName, password, passwordRepeat, resetPassword, resetRepeat)) {
            p.addListener((obs, old, now) -> validate());
        }
        for (var o : newRoles.observables()) {
            o.addListener(x -> validate());
        }
        for (var o : editRoles.observables()) {
            o.addListener(x -> validate());
        }
        selected.addListener((obs, old, now) -> {
            editRoles.set(now == null ? Set.of() : now.roles());
            resetPassword.set("");
            resetRepeat.set("");
            validate();
        });
        canSaveRoles = binding(() -> selected.get() != null && !busy.get()
                && !editRoles.chosen().equals(selected.get().roles())
                && PermissionMatrix.check(editRoles.chosen()).isEmpty(), editRoles.observables());
        canReset = binding(() -> selected.get() != null && !busy.get() && !resetPassword.get().isEmpty()
                && !resetRepeat.get().isEmpty() && !messages.get().containsKey(RESET_PASSWORD)
                && !messages.get().containsKey(RESET_REPEAT), resetPassword, resetRepeat, messages);
        canDeactivate = binding(() -> selected.get() != null && !busy.get() && selected.get().active()
                && session.current().map(me -> !me.id().equals(selected.get().id())).orElse(false));
        validate();
    }

    private BooleanBinding binding(BooleanSupplier test, javafx.beans.Observable... more) {
        javafx.beans.Observable[] deps = Arrays.copyOf(more, more.length + 2);
        deps[more.length] = selected;
        deps[more.length + 1] = busy;
        return Bindings.createBooleanBinding(test::getAsBoolean, deps);
    }

    /** Checks the inputs as they are typed; a field left empty is not marked, it only keeps its button disabled. */
    private void validate() {
        Map<String, String> shown = new LinkedHashMap<>();
        boolean ok = true;
        if (userName.get().isBlank()) {
            ok = false;
        } else {
            ok &= show(shown, USER_NAME, UserService.checkUserName(userName.get()));
        }
        if (displayName.get().isBlank()) {
            ok = false;
        } else {
            ok &= show(shown, DISPLAY_NAME, UserService.checkDisplayName(displayName.get()));
        }
        Set<Role> roles = newRoles.chosen();
        if (roles.isEmpty()) {
            ok = false;
        } else {
            ok &= show(shown, ROLES, PermissionMatrix.check(roles));
        }
        ok &= checkPassword(shown, password.get(), passwordRepeat.get(), PASSWORD, PASSWORD_REPEAT);
        addValid.set(ok && !busy.get());

        if (selected.get() != null) {
            Set<Role> edit = editRoles.chosen();
            if (!edit.isEmpty()) {
                show(shown, EDIT_ROLES, PermissionMatrix.check(edit));
            }
            checkPassword(shown, resetPassword.get(), resetRepeat.get(), RESET_PASSWORD, RESET_REPEAT);
        }
        messages.set(Map.copyOf(shown));
    }

    private static boolean checkPassword(Map<String, String> shown, String pw, String repeat, String field,
            String repeatField) {
        if (pw.isEmpty()) {
            return false;
        }
        boolean ok = show(shown, field, PasswordPolicy.check(field, pw.toCharArray()));
        if (repeat.isEmpty()) {
            return false;
        }
        if (!repeat.equals(pw)) {
            shown.put(repeatField, I18n.get("problem.password.mismatch"));
            return false;
        }
        return ok;
    }

    /** Puts the problems' sentences under a field; true when there were none. */
    private static boolean show(Map<String, String> shown, String field, List<Problem> problems) {
        if (problems.isEmpty()) {
            return true;
        }
        shown.put(field, Sentences.of(problems));
        return false;
    }

    /** Reads the list again, keeping the selected account selected; leaves the last sentence shown. */
    public void load() {
        tasks.run(p -> service.list(session), list -> {
            User was = selected.get();
            users.setAll(list);
            selected.set(was == null ? null : list.stream().filter(u -> u.id().equals(was.id())).findFirst()
                    .orElse(null));
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** Adds the account of the form; on success the form is cleared and the new account selected. */
    public void add() {
        if (!addValid.get()) {
            return;
        }
        String name = userName.get();
        String display = displayName.get();
        Set<Role> roles = newRoles.chosen();
        char[] pw = password.get().toCharArray();
        run(p -> service.addUser(session, name, display, roles, pw), added -> {
            userName.set("");
            displayName.set("");
            newRoles.set(Set.of());
            password.set("");
            passwordRepeat.set("");
            info.set(I18n.get("users.added", added.userName()));
            reloadSelecting(added);
        }, Map.of());
    }

    public void saveRoles() {
        User u = selected.get();
        if (!canSaveRoles.get()) {
            return;
        }
        Set<Role> roles = editRoles.chosen();
        run(p -> service.changeRoles(session, u.id(), roles), changed -> {
            info.set(I18n.get("users.rolesSaved", changed.userName()));
            reloadSelecting(changed);
        }, Map.of(ROLES, EDIT_ROLES));
    }

    public void resetPassword() {
        User u = selected.get();
        if (!canReset.get()) {
            return;
        }
        char[] pw = resetPassword.get().toCharArray();
        run(p -> service.resetPassword(session, u.id(), pw), reset -> {
            info.set(I18n.get("users.passwordReset", reset.userName()));
            reloadSelecting(reset);
        }, Map.of(PASSWORD, RESET_PASSWORD));
    }

    /** Deactivates the selected account; the view asks for confirmation first ({@link #deactivateQuestion()}). */
    public void deactivate() {
        User u = selected.get();
        if (!canDeactivate.get()) {
            return;
        }
        run(p -> service.deactivate(session, u.id()), off -> {
            info.set(I18n.get("users.deactivated", off.userName()));
            reloadSelecting(off);
        });
    }

    public String deactivateQuestion() {
        User u = selected.get();
        return u == null ? "" : I18n.get("users.deactivate.question", u.displayName(), u.userName());
    }

    private void reloadSelecting(User u) {
        selected.set(null);
        selected.set(u);
        load();
    }

    private <T> void run(TaskRunner.Work<T> work, java.util.function.Consumer<T> onSuccess) {
        run(work, onSuccess, Map.of());
    }

    /**
     * Runs a service call off the FX thread.
     *
     * @param fieldMap where a service problem's field shows on this page, when not under its own name
     */
    private <T> void run(TaskRunner.Work<T> work, java.util.function.Consumer<T> onSuccess,
            Map<String, String> fieldMap) {
        busy.set(true);
        validate();
        error.set("");
        info.set("");
        tasks.run(work, result -> {
            busy.set(false);
            onSuccess.accept(result);
            validate();
        }, e -> {
            busy.set(false);
            validate();
            if (e instanceof ValidationException v) {
                // Each problem shows under its field; one the page has no place for goes to the error line.
                Map<String, String> shown = new LinkedHashMap<>(messages.get());
                String elsewhere = "";
                for (Problem p : v.problems()) {
                    String field = fieldMap.getOrDefault(p.field(), p.field());
                    if (FIELDS.contains(field)) {
                        shown.merge(field, p.localized(), Sentences::join);
                    } else {
                        elsewhere = Sentences.join(elsewhere, p.localized());
                    }
                }
                messages.set(Map.copyOf(shown));
                error.set(elsewhere);
            } else {
                error.set(ErrorMessages.of(e));
            }
        });
    }

    /** The roles of an account as one line, in the order of the role list. */
    public static String rolesText(Set<Role> roles) {
        return Arrays.stream(Role.values()).filter(roles::contains).map(I18n::label)
                .collect(Collectors.joining("、"));
    }

    /** The state of an account as the list shows it. */
    public String statusText(User u) {
        if (!u.active()) {
            return I18n.get("users.status.inactive");
        }
        if (u.isLocked(LocalDateTime.now(clock))) {
            return I18n.get("users.status.locked");
        }
        if (u.mustChangePassword()) {
            return I18n.get("users.status.mustChange");
        }
        return I18n.get("users.status.active");
    }

    public ObservableList<User> users() {
        return users;
    }

    public ObjectProperty<User> selectedProperty() {
        return selected;
    }

    public StringProperty userNameProperty() {
        return userName;
    }

    public StringProperty displayNameProperty() {
        return displayName;
    }

    public RoleChoice newRoles() {
        return newRoles;
    }

    public StringProperty passwordProperty() {
        return password;
    }

    public StringProperty passwordRepeatProperty() {
        return passwordRepeat;
    }

    public RoleChoice editRoles() {
        return editRoles;
    }

    public StringProperty resetPasswordProperty() {
        return resetPassword;
    }

    public StringProperty resetRepeatProperty() {
        return resetRepeat;
    }

    public ReadOnlyObjectProperty<Map<String, String>> messagesProperty() {
        return messages.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty addValidProperty() {
        return addValid.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public BooleanBinding canSaveRolesBinding() {
        return canSaveRoles;
    }

    public BooleanBinding canResetBinding() {
        return canReset;
    }

    public BooleanBinding canDeactivateBinding() {
        return canDeactivate;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty infoProperty() {
        return info;
    }
}
