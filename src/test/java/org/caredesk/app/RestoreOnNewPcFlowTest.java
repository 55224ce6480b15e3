package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.db.BackupService;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The day the office PC died: on the new PC the first-start window offers "从备份恢复"; the backup's own key ring
 * opens with the password of an account in it, the backup is checked and restored, and that account logs in
 * (decision 0019).
 */
@ExtendWith(ApplicationExtension.class)
class RestoreOnNewPcFlowTest {
    private static final String PW = "Gate-keeper7";

    private Path office;
    private Path newPc;
    private Stage stage;
    private StartFlow flow;
    private final MutableClock clock = MutableClock.morning();
    private final Login login = new Login(1_000, clock);

    @Start
    void start(Stage s) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(Path.of("target"));
        Path root = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "new-pc");
        office = root.resolve("office");
        newPc = root.resolve("new-pc");
        stage = s;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (flow != null) {
            robot.interact(flow::close);
        }
    }

    /** The old PC's folder with one person, backed up to a file as onto a USB drive. */
    private Path backupOfTheOldPc() {
        try (AppContext ctx = login.setUp(office, Login.CommunityChoice.named("幸福社区"), "admin", "王主任",
                PW.toCharArray())) {
            String first17 = "11010519700101001";
            ctx.people().register(PersonDraft.minimal("陈静", first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
            Path file = office.getParent().resolve("U盘").resolve("caredesk-backup.zip");
            new BackupService(office, Login.sessionKey(ctx).databaseFiles(), clock).backup(ctx.database(), file);
            return file;
        }
    }

    private void startFlow(FxRobot robot) {
        robot.interact(() -> {
            flow = new StartFlow(stage, newPc, login, new DirectTaskRunner());
            flow.start();
        });
    }

    private void fillIn(FxRobot robot, Path file, String password) {
        robot.clickOn("#firstStart-restore");
        robot.interact(() -> {
            robot.lookup("#restoreNew-file").queryTextInputControl().setText(file.toString());
            robot.lookup("#restoreNew-userName").queryTextInputControl().setText("admin");
            robot.lookup("#restoreNew-password").queryTextInputControl().setText(password);
        });
    }

    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void theFirstStartWindow_restoresABackup_thenTheAccountInItLogsIn(FxRobot robot) {
        Path file = backupOfTheOldPc();
        startFlow(robot);
        assertThat(shown(robot.lookup("#setup-userName").query())).isTrue();
        fillIn(robot, file, PW);
        assertThat(shown(robot.lookup("#setup-userName").query())).as("the new administrator's form").isFalse();

        robot.clickOn("#restoreNew-check");

        assertThat(robot.lookup("#restoreNew-error").queryAs(Label.class).getText()).isEmpty();
        assertThat(robot.lookup("#restoreNew-summary").queryAs(Label.class).getText())
                .startsWith("备份“caredesk-backup.zip”").contains("检查通过").contains("人员档案：1 条");
        assertThat(login.state(newPc)).as("checking writes nothing").isEqualTo(DataFolderKeys.State.NEW);

        robot.clickOn("#restoreNew-restore");

        assertThat(robot.lookup("#loginButton").tryQuery()).isPresent();
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText())
                .isEqualTo("已用备份“caredesk-backup.zip”恢复了数据。请用账号 admin 和做备份时的密码登录。");
        robot.clickOn("#userNameField").write("admin");
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(flow.context().people().count()).isEqualTo(1);
        assertThat(robot.lookup("#status-community").queryAs(Label.class).getText()).contains("幸福社区");
    }

    @Test
    void aWrongPassword_isSaidInTheWindow_andNothingIsRestored(FxRobot robot) {
        Path file = backupOfTheOldPc();
        startFlow(robot);
        fillIn(robot, file, "Wrong-pass99");

        robot.clickOn("#restoreNew-check");

        assertThat(robot.lookup("#restoreNew-error").queryAs(Label.class).getText())
                .isEqualTo("这个用户名和密码打不开这个备份。请输入备份里某个账号的用户名和做备份时的密码。");
        assertThat(robot.lookup("#restoreNew-restore").query().isDisabled()).isTrue();
        assertThat(login.state(newPc)).isEqualTo(DataFolderKeys.State.NEW);
    }
}
