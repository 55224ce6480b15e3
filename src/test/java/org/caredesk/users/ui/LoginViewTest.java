package org.caredesk.users.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.UsersModule;
import org.caredesk.common.I18n;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Permission;
import org.caredesk.security.Role;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.users.LoginResult;
import org.caredesk.users.service.UserService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The login window as the shell builds it, its authenticator backed by the accounts of an in-memory database: a
 * good login, and five wrong passwords that lock the account.
 */
@ExtendWith(ApplicationExtension.class)
class LoginViewTest {
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private static final LocalDateTime NOW = LocalDateTime.of(2025, 6, 2, 14, 25, 30);

    private AppContext ctx;
    private final List<LoginResult> loggedIn = new ArrayList<>();

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        // Accounts that hash fast: the users module builds them with this hasher instead of the production one.
        ctx = AppContext.builder(Path.of("target", "test-data"), Clock.fixed(NOW.atZone(ZONE).toInstant(), ZONE))
                .override(PasswordHasher.class, new PasswordHasher(1_000)).inMemory();
        ctx.settings().createCommunity("测试社区", false);
        UserService users = UsersModule.users(ctx);
        var admin = users.createFirstAdministrator("admin", "王主任", "Admin2025!".toCharArray());
        users.addUser(sessionFor(admin), "lixia", "李霞", java.util.Set.of(Role.FRONT_DESK),
                "Desk2025!".toCharArray());
        // Nobody is logged in before the login window: not even the test identity of the in-memory context.
        ctx.session().logout();
        AppShell shell = new AppShell(ctx, new DirectTaskRunner(), new ScriptedDialogs(), saved -> { });
        ViewLoader.Loaded<LoginView> login = shell.loader().load(LoginView.class);
        login.controller().setOnLoggedIn(loggedIn::add);
        AppShell.style(login.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(login.root()));
        stage.show();
    }

    private static org.caredesk.security.Session sessionFor(org.caredesk.security.UserIdentity who) {
        var s = new org.caredesk.security.Session();
        s.login(who, java.time.Instant.EPOCH);
        return s;
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void attempt(FxRobot robot, String password) {
        robot.clickOn("#passwordField");
        robot.write(password);
        robot.clickOn("#loginButton");
    }

    private String error(FxRobot robot) {
        Label l = robot.lookup("#errorLabel").queryAs(Label.class);
        return l.isVisible() ? l.getText() : "";
    }

    @Test
    void rightPassword_logsIn_andSaysThePasswordMustBeChanged(FxRobot robot) {
        robot.clickOn("#userNameField");
        robot.write("lixia");
        attempt(robot, "Desk2025!");

        assertThat(loggedIn).singleElement().satisfies(r -> {
            assertThat(r.identity().userName()).isEqualTo("lixia");
            assertThat(r.mustChangePassword()).isTrue();
        });
        assertThat(UsersModule.session(ctx).has(Permission.PEOPLE_WRITE)).isTrue();
        assertThat(error(robot)).isEmpty();
    }

    @Test
    void fiveWrongPasswords_showTheLockSentence_andEvenTheRightOneIsRefused(FxRobot robot) {
        robot.clickOn("#userNameField");
        robot.write("lixia");

        for (int i = 1; i <= 4; i++) {
            attempt(robot, "Wrong2025!");
            assertThat(error(robot)).as("attempt " + i).isEqualTo("用户名或密码不对。请检查后重试，注意大小写和输入法的中英文状态。");
            assertThat(robot.lookup("#passwordField").queryTextInputControl().getText()).isEmpty();
        }
        attempt(robot, "Wrong2025!");
        // 14:25:30 plus ten minutes is 14:35:30, shown rounded up.
        assertThat(error(robot)).isEqualTo("密码已连续输错 5 次，账号锁定到 14:36。请到时再试，或请管理员重置密码。");

        attempt(robot, "Desk2025!");
        assertThat(error(robot)).contains("14:36");
        assertThat(loggedIn).isEmpty();
        assertThat(UsersModule.session(ctx).isLoggedIn()).isFalse();
    }
}
