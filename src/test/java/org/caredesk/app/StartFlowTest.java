package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The start of the program as a person meets it: setting up a new data folder, logging in, and five wrong
 * passwords that lock the account. Runs the real {@link Login} on a folder on disk, with a fast key derivation.
 */
@ExtendWith(ApplicationExtension.class)
class StartFlowTest {
    static final String PW = "Gate-keeper7";

    private Path dataDir;
    private Stage stage;
    private StartFlow flow;
    private final MutableClock clock = MutableClock.morning();
    private final Login login = new Login(1_000, clock);

    @Start
    void start(Stage s) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "start-flow");
        stage = s;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (flow != null) {
            robot.interact(flow::close);
        }
    }

    private void startFlow(FxRobot robot) {
        robot.interact(() -> {
            flow = new StartFlow(stage, dataDir, login, new DirectTaskRunner());
            flow.start();
        });
    }

    private void setUpFolder() {
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();
    }

    @Test
    void aNewFolder_isSetUpThroughTheSetupView_andLandsInTheMainWindow(FxRobot robot) {
        startFlow(robot);
        robot.interact(() -> {
            robot.lookup("#firstStart-name").queryTextInputControl().setText("幸福社区");
            robot.lookup("#setup-displayName").queryTextInputControl().setText("王主任");
        });
        robot.clickOn("#setup-userName").write("admin");
        robot.clickOn("#setup-password").write(PW);
        robot.clickOn("#setup-repeat").write(PW);
        robot.clickOn("#firstStart-start");

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-users").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-audit").tryQuery()).isEmpty();
        assertThat(robot.lookup("#status-user").queryAs(Label.class).getText()).contains("王主任").contains("admin");
        assertThat(UsersModule.session(flow.context()).identity().roles()).containsExactly(Role.DIRECTOR);
        assertThat(login.state(dataDir)).isEqualTo(org.caredesk.security.DataFolderKeys.State.READY);
    }

    @Test
    void setup_saysWhenTheTwoPasswordsDiffer(FxRobot robot) {
        startFlow(robot);
        robot.interact(() -> robot.lookup("#firstStart-name").queryTextInputControl().setText("幸福社区"));
        robot.clickOn("#setup-userName").write("admin");
        robot.clickOn("#setup-displayName").write("Wang");
        robot.clickOn("#setup-password").write(PW);
        robot.clickOn("#setup-repeat").write(PW + "x");
        robot.clickOn("#firstStart-start");

        assertThat(robot.lookup("#firstStart-error").queryAs(Label.class).getText())
                .isEqualTo(I18n.get("problem.password.mismatch"));
        assertThat(login.state(dataDir)).isEqualTo(org.caredesk.security.DataFolderKeys.State.NEW);
    }

    @Test
    void aSetUpFolder_asksForTheLogin_andLogsIn_thenLogsOut(FxRobot robot) {
        setUpFolder();
        startFlow(robot);
        robot.clickOn("#userNameField").write("admin");
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(UsersModule.session(flow.context()).identity().userName()).isEqualTo("admin");
        Stage form = newOwnedWindow(robot);

        robot.clickOn("#status-logout");
        assertThat(flow.context()).isNull();
        assertThat(form.isShowing()).isFalse();
        assertThat(robot.lookup("#loginButton").tryQuery()).isPresent();
    }

    @Test
    void theFirstLoginOfTheDay_makesABackup(FxRobot robot) throws IOException {
        setUpFolder();
        startFlow(robot);
        robot.clickOn("#userNameField").write("admin");
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        try (var files = Files.list(dataDir.resolve("backups"))) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .singleElement().asString().startsWith("caredesk-").endsWith(".zip");
        }
    }

    @Test
    void aSecondStartOnTheSameFolder_saysTheFolderIsInUse(FxRobot robot) {
        setUpFolder();
        startFlow(robot);
        assertThat(robot.lookup("#loginButton").tryQuery()).isPresent();

        try (org.caredesk.db.InstanceLock again = org.caredesk.db.InstanceLock.acquire(dataDir)) {
            org.assertj.core.api.Assertions.fail("a second instance got the folder: " + again);
        } catch (org.caredesk.db.InstanceLockException e) {
            assertThat(e.localized()).contains("已经打开了这个数据文件夹");
        }
    }

    @Test
    void fiveWrongPasswords_showTheLockSentence_andTheRightOneIsThenRefused(FxRobot robot) {
        setUpFolder();
        startFlow(robot);
        robot.clickOn("#userNameField").write("admin");
        for (int i = 1; i <= 5; i++) {
            robot.clickOn("#passwordField").write("Wrong-pass9");
            robot.clickOn("#loginButton");
        }
        // 09:00 plus ten minutes.
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText())
                .isEqualTo("密码已连续输错 5 次，账号锁定到 09:10。请到时再试，或请管理员重置密码。");

        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");
        assertThat(robot.lookup("#errorLabel").queryAs(Label.class).getText()).contains("09:10");
        assertThat(flow.context()).isNull();
        assertThat(robot.lookup("#nav-people").tryQuery()).isEmpty();
    }

    @Test
    void aPasswordSetByTheAdministrator_mustBeChangedBeforeTheMainWindow(FxRobot robot) {
        setUpFolder();
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            UsersModule.users(ctx).addUser(UsersModule.session(ctx), "lixia", "李霞",
                    java.util.EnumSet.of(Role.FRONT_DESK), "First-pass1".toCharArray());
        }
        startFlow(robot);
        robot.clickOn("#userNameField").write("lixia");
        robot.clickOn("#passwordField").write("First-pass1");
        robot.clickOn("#loginButton");

        assertThat(robot.lookup("#nav-people").tryQuery()).isEmpty();
        robot.clickOn("#oldPasswordField").write("First-pass1");
        robot.clickOn("#newPasswordField").write("Own-choice22");
        robot.clickOn("#repeatField").write("Own-choice22");
        robot.clickOn("#changePasswordButton");

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(robot.lookup("#nav-users").tryQuery()).isEmpty();
        robot.interact(flow::close);
        flow = null;
        login.open(dataDir, "lixia", "Own-choice22".toCharArray()).ctx().close();
    }

    @Test
    void anIdleSession_locksTheWindow_keepsTheFormsInput_andOpensAgainWithThePassword(FxRobot robot) {
        setUpFolder();
        startFlow(robot);
        robot.clickOn("#userNameField").write("admin");
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");
        // A form window the user was filling in, owned by the main window.
        Stage[] form = new Stage[1];
        robot.interact(() -> {
            javafx.scene.control.TextField field = new javafx.scene.control.TextField("写了一半的备注");
            field.setId("form-field");
            form[0] = new Stage();
            form[0].initOwner(stage);
            form[0].setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(field), 300, 100));
            form[0].show();
        });

        clock.advance(Duration.ofMinutes(9));
        boolean[] locked = new boolean[1];
        robot.interact(() -> locked[0] = flow.checkIdle());
        assertThat(locked[0]).isFalse();
        clock.advance(Duration.ofMinutes(1));
        robot.interact(() -> flow.checkIdle());

        assertThat(form[0].isShowing()).isFalse();
        assertThat(shown(robot.lookup("#nav-people").query())).isFalse();
        assertThat(robot.lookup("#lock-cover").tryQuery()).isPresent();
        assertThat(robot.lookup("#userNameField").queryTextInputControl().getText()).isEqualTo("admin");
        assertThat(robot.lookup("#userNameField").queryTextInputControl().isDisabled()).isTrue();

        robot.clickOn("#passwordField").write("Wrong-pass9");
        robot.clickOn("#loginButton");
        assertThat(robot.lookup("#lock-cover").tryQuery()).isPresent();
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");

        assertThat(robot.lookup("#lock-cover").tryQuery()).isEmpty();
        assertThat(form[0].isShowing()).isTrue();
        assertThat(((javafx.scene.control.TextField) form[0].getScene().lookup("#form-field")).getText())
                .isEqualTo("写了一半的备注");
        robot.interact(form[0]::close);
        List<String> actions = new java.util.ArrayList<>();
        new AuditLog(flow.context().database().dsl(), new AuditRepository(), clock,
                org.caredesk.security.TestSessions.with(Role.AUDITOR))
                .forEachMatching(AuditQuery.all(), e -> actions.add(e.action()));
        assertThat(actions).containsSubsequence("LOGIN", "SESSION_LOCKED", "LOGIN_FAILED", "LOGIN");
    }

    /** Whether the node and all its parents are visible: what a person at the screen could see. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void aFolderFromBeforeEncryption_keepsItsCommunity_andAsksOnlyForTheAdministrator(FxRobot robot) {
        try (AppContext plain = new AppContext(dataDir, org.caredesk.db.Database.openFile(dataDir), clock)) {
            plain.session().login(AppContext.TEST_IDENTITY, clock.instant());
            plain.settings().createCommunity("老社区", false);
        }
        startFlow(robot);

        assertThat(robot.lookup("#firstStart-name").tryQuery()).isEmpty();
        robot.clickOn("#setup-userName").write("admin");
        robot.clickOn("#setup-displayName").write("Wang");
        robot.clickOn("#setup-password").write(PW);
        robot.clickOn("#setup-repeat").write(PW);
        robot.clickOn("#firstStart-start");

        assertThat(robot.lookup("#status-community").queryAs(Label.class).getText()).contains("老社区");
        assertThat(org.caredesk.db.Database.isEncrypted(dataDir)).isTrue();
    }

    @Test
    void aMissingKeyRing_isOneClearSentence(FxRobot robot) throws IOException {
        setUpFolder();
        Files.delete(org.caredesk.security.DataFolderKeys.keyRingFile(dataDir));

        startFlow(robot);

        assertThat(robot.lookup("#splash-message").queryAs(Label.class).getText()).isEqualTo(I18n.get(
                "keyring.error.missing", org.caredesk.security.DataFolderKeys.keyRingFile(dataDir).toString()));
        assertThat(robot.lookup("#loginButton").tryQuery()).isEmpty();
    }

    private Stage newOwnedWindow(FxRobot robot) {
        Stage[] form = new Stage[1];
        robot.interact(() -> {
            form[0] = new Stage();
            form[0].initOwner(stage);
            form[0].setScene(new javafx.scene.Scene(new javafx.scene.layout.StackPane(), 200, 100));
            form[0].show();
        });
        return form[0];
    }
}
