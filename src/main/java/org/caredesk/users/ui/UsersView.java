package org.caredesk.users.ui;

import java.util.Map;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.security.Role;
import org.caredesk.ui.Columns;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.ViewLoader;
import org.caredesk.users.User;

/** The user-management page (用户管理): binds the list, the add form and the selected account's actions. */
public final class UsersView {
    private final UsersViewModel vm;
    private final DialogService dialogs;
    private final ViewLoader loader;

    @FXML private TableView<User> usersTable;
    @FXML private TableColumn<User, String> userNameColumn;
    @FXML private TableColumn<User, String> displayNameColumn;
    @FXML private TableColumn<User, String> rolesColumn;
    @FXML private TableColumn<User, String> statusColumn;
    @FXML private Label errorLabel;
    @FXML private Label infoLabel;
    @FXML private TabPane sideTabs;
    @FXML private Tab addTab;
    @FXML private Tab selectedTab;
    @FXML private Label selectedLabel;
    @FXML private VBox selectedBox;
    @FXML private FlowPane editRolesPane;
    @FXML private Label editRolesError;
    @FXML private Button saveRolesButton;
    @FXML private PasswordField resetPasswordField;
    @FXML private Label resetPasswordError;
    @FXML private PasswordField resetRepeatField;
    @FXML private Label resetRepeatError;
    @FXML private Button resetButton;
    @FXML private Button deactivateButton;
    @FXML private TextField userNameField;
    @FXML private Label userNameError;
    @FXML private TextField displayNameField;
    @FXML private Label displayNameError;
    @FXML private FlowPane newRolesPane;
    @FXML private Label rolesError;
    @FXML private PasswordField passwordField;
    @FXML private Label passwordError;
    @FXML private PasswordField passwordRepeatField;
    @FXML private Label passwordRepeatError;
    @FXML private Label passwordRuleLabel;
    @FXML private Button addButton;
    @FXML private Button changeOwnPasswordButton;

    private boolean syncingSelection;

    public UsersView(UsersViewModel vm, DialogService dialogs, ViewLoader loader) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.loader = loader;
    }

    @FXML
    private void initialize() {
        Columns.text(userNameColumn, User::userName);
        Columns.text(displayNameColumn, User::displayName);
        Columns.text(rolesColumn, u -> UsersViewModel.rolesText(u.roles()));
        Columns.text(statusColumn, vm::statusText);
        usersTable.setItems(vm.users());
        usersTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        usersTable.getSelectionModel().selectedItemProperty().addListener((obs, old, now) -> {
            if (!syncingSelection) {
                vm.selectedProperty().set(now);
            }
        });
        vm.selectedProperty().addListener((obs, old, now) -> {
            syncingSelection = true;
            try {
                if (now == null) {
                    usersTable.getSelectionModel().clearSelection();
                } else {
                    usersTable.getSelectionModel().select(now);
                }
            } finally {
                syncingSelection = false;
            }
            showSelected(now);
            if (now != null) {
                sideTabs.getSelectionModel().select(selectedTab);
            }
        });
        showSelected(null);
        sideTabs.getSelectionModel().select(addTab);

        roleBoxes(newRolesPane, "newRole-", vm.newRoles());
        roleBoxes(editRolesPane, "editRole-", vm.editRoles());
        userNameField.textProperty().bindBidirectional(vm.userNameProperty());
        displayNameField.textProperty().bindBidirectional(vm.displayNameProperty());
        passwordField.textProperty().bindBidirectional(vm.passwordProperty());
        passwordRepeatField.textProperty().bindBidirectional(vm.passwordRepeatProperty());
        resetPasswordField.textProperty().bindBidirectional(vm.resetPasswordProperty());
        resetRepeatField.textProperty().bindBidirectional(vm.resetRepeatProperty());
        passwordRuleLabel.setText(I18n.get("password.rule", String.valueOf(PasswordPolicy.MIN_LENGTH),
                String.valueOf(PasswordPolicy.MIN_CLASSES)));

        addButton.disableProperty().bind(vm.addValidProperty().not());
        saveRolesButton.disableProperty().bind(vm.canSaveRolesBinding().not());
        resetButton.disableProperty().bind(vm.canResetBinding().not());
        deactivateButton.disableProperty().bind(vm.canDeactivateBinding().not());

        Columns.message(errorLabel);
        Columns.message(infoLabel);
        errorLabel.textProperty().bind(vm.errorProperty());
        infoLabel.textProperty().bind(vm.infoProperty());
        Map<String, Label> fieldLabels = Map.of(
                UsersViewModel.USER_NAME, userNameError,
                UsersViewModel.DISPLAY_NAME, displayNameError,
                UsersViewModel.ROLES, rolesError,
                UsersViewModel.PASSWORD, passwordError,
                UsersViewModel.PASSWORD_REPEAT, passwordRepeatError,
                UsersViewModel.EDIT_ROLES, editRolesError,
                UsersViewModel.RESET_PASSWORD, resetPasswordError,
                UsersViewModel.RESET_REPEAT, resetRepeatError);
        fieldLabels.values().forEach(Columns::message);
        vm.messagesProperty().addListener((obs, old, now) ->
                fieldLabels.forEach((field, label) -> label.setText(now.getOrDefault(field, ""))));
        vm.load();
    }

    private static void roleBoxes(FlowPane pane, String idPrefix, RoleChoice choice) {
        for (Role role : Role.values()) {
            CheckBox box = new CheckBox(I18n.label(role));
            box.setId(idPrefix + role.name());
            box.selectedProperty().bindBidirectional(choice.property(role));
            pane.getChildren().add(box);
        }
    }

    private void showSelected(User u) {
        selectedBox.setDisable(u == null);
        selectedLabel.getStyleClass().removeAll("section-title", "hint");
        selectedLabel.getStyleClass().add(u == null ? "hint" : "section-title");
        selectedLabel.setText(u == null ? I18n.get("users.selected.none")
                : I18n.get("users.selected.who", u.displayName(), u.userName(), vm.statusText(u)));
    }

    @FXML
    private void onAdd() {
        vm.add();
    }

    @FXML
    private void onSaveRoles() {
        vm.saveRoles();
    }

    @FXML
    private void onResetPassword() {
        vm.resetPassword();
    }

    @FXML
    private void onDeactivate() {
        if (dialogs.confirm(I18n.get("users.deactivate"), vm.deactivateQuestion())) {
            vm.deactivate();
        }
    }

    @FXML
    private void onChangeOwnPassword() {
        Window owner = usersTable.getScene() == null ? null : usersTable.getScene().getWindow();
        loader.load(ChangePasswordView.class).controller().show(owner, false,
                () -> dialogs.info(I18n.get("password.change.title"), I18n.get("password.change.done")), () -> { });
    }
}
