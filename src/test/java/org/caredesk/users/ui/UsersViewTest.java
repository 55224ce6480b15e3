package org.caredesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.UsersModule;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.User;
import org.caredesk.users.service.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The user-management page and the change-password dialog, driven by an administrator with mouse and keyboard. */
@ExtendWith(ApplicationExtension.class)
class UsersViewTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 2, 9, 0);

    private AppContext ctx;
    private UserService users;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        // Accounts that hash fast: the users module builds them with this hasher instead of the production one.
        ctx = AppContext.builder(Path.of("target", "test-data"), Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE))
                .override(PasswordHasher.class, new PasswordHasher(1_000)).inMemory();
        var community = ctx.settings().createCommunity("测试社区", false);
        users = UsersModule.users(ctx);
        UserIdentity admin = users.createFirstAdministrator("admin", "王主任", "Admin2025!".toCharArray());
        Session session = UsersModule.session(ctx);
        session.login(admin, Instant.EPOCH);
        AppShell shell = new AppShell(ctx, new DirectTaskRunner(), dialogs, saved -> { });
        MainWindow main = shell.build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private TableView<User> table(FxRobot robot) {
        return robot.lookup("#usersTable").queryTableView();
    }

    private void type(FxRobot robot, String query, String text) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.clickOn(n);
        robot.write(text);
    }

    private int row(FxRobot robot, String userName) {
        var items = table(robot).getItems();
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).userName().equals(userName)) {
                return i;
            }
        }
        throw new AssertionError(userName + " is not in the list");
    }

    private void addLixia(FxRobot robot) {
        type(robot, "#userNameField", "lixia");
        type(robot, "#displayNameField", "李霞");
        robot.clickOn("#newRole-FRONT_DESK");
        type(robot, "#passwordField", "Desk2025!");
        type(robot, "#passwordRepeatField", "Desk2025!");
        robot.clickOn("#addButton");
    }

    @Test
    void administratorAddsAUser_changesRoles_resetsThePassword_andDeactivates(FxRobot robot) {
        robot.clickOn("#nav-users");
        assertThat(table(robot).getItems()).extracting(User::userName).containsExactly("admin");
        assertThat(robot.lookup("#addButton").queryButton().isDisabled()).isTrue();

        addLixia(robot);

        assertThat(table(robot).getItems()).extracting(User::userName).containsExactly("admin", "lixia");
        assertThat(table(robot).getSelectionModel().getSelectedItem().userName()).isEqualTo("lixia");
        assertThat(robot.lookup("#infoLabel").queryAs(Label.class).getText()).contains("lixia");

        robot.clickOn("#editRole-CASEWORKER");
        robot.clickOn("#saveRolesButton");
        assertThat(users.list(UsersModule.session(ctx))).filteredOn(u -> u.userName().equals("lixia"))
                .singleElement().satisfies(u -> assertThat(u.roles())
                        .containsExactlyInAnyOrder(Role.FRONT_DESK, Role.CASEWORKER));

        type(robot, "#resetPasswordField", "Reset2025!");
        type(robot, "#resetRepeatField", "Reset2025!");
        robot.clickOn("#resetButton");
        assertThat(users.authenticate("lixia", "Reset2025!".toCharArray(), NOW).mustChangePassword()).isTrue();

        dialogs.answerConfirm(true);
        robot.clickOn("#deactivateButton");
        assertThat(robot.lookup("#deactivateButton").queryButton().isDisabled()).isTrue();
        try {
            users.authenticate("lixia", "Reset2025!".toCharArray(), NOW);
            throw new AssertionError("a deactivated account logged in");
        } catch (LoginRefusedException e) {
            assertThat(e.reason()).isEqualTo(LoginRefusedException.Reason.INACTIVE);
        }
        assertThat(table(robot).getColumns().get(3).getCellData(row(robot, "lixia"))).isEqualTo("已停用");
    }

    @Test
    void auditorTogetherWithAnotherRole_isRefusedOnTheSpot(FxRobot robot) {
        robot.clickOn("#nav-users");
        type(robot, "#userNameField", "shenji");
        type(robot, "#displayNameField", "审计员小赵");
        robot.clickOn("#newRole-AUDITOR");
        robot.clickOn("#newRole-CASEWORKER");
        type(robot, "#passwordField", "Audit2025!");
        type(robot, "#passwordRepeatField", "Audit2025!");

        Label rolesError = robot.lookup("#rolesError").queryAs(Label.class);
        assertThat(rolesError.isVisible()).isTrue();
        assertThat(rolesError.getText()).contains("审计员").contains("只能单独使用");
        assertThat(robot.lookup("#addButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#newRole-CASEWORKER");
        assertThat(rolesError.isVisible()).isFalse();
        robot.clickOn("#addButton");
        assertThat(table(robot).getItems()).extracting(User::userName).contains("shenji");
    }

    @Test
    void changeOwnPassword_throughTheDialog(FxRobot robot) {
        robot.clickOn("#nav-users");
        robot.clickOn("#changeOwnPasswordButton");
        Button change = robot.lookup("#changePasswordButton").queryButton();
        assertThat(change.isDisabled()).isTrue();

        type(robot, "#oldPasswordField", "Admin2025!");
        type(robot, "#newPasswordField", "Newer2025!");
        type(robot, "#repeatField", "Newer2025?");
        assertThat(robot.lookup("#repeatError").queryAs(Label.class).getText()).contains("不一样");
        assertThat(change.isDisabled()).isTrue();
        robot.interact(() -> robot.lookup("#repeatField").queryTextInputControl().clear());
        type(robot, "#repeatField", "Newer2025!");
        robot.clickOn("#changePasswordButton");

        assertThat(Window.getWindows()).noneMatch(w -> w.getScene() != null
                && w.getScene().lookup("#changePasswordButton") != null && w.isShowing());
        assertThat(dialogs.infos()).singleElement().asString().contains("密码已修改");
        assertThat(users.authenticate("admin", "Newer2025!".toCharArray(), NOW)).isNotNull();
    }
}
