package org.caredesk.backups.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.Login;
import org.caredesk.app.MutableClock;
import org.caredesk.common.I18n;
import org.caredesk.db.BackupEntry;
import org.caredesk.db.BackupSettings;
import org.caredesk.db.BackupTampering;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The 备份与恢复 page as the administrator uses it, on an encrypted data folder on disk: back up now, a tampered
 * backup refused with its sentence, the settings.
 */
@ExtendWith(ApplicationExtension.class)
class BackupsViewTest {
    private static final String PW = "Gate-keeper7";

    private Path dataDir;
    private AppContext ctx;
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "backups-view");
        ctx = new Login(1_000, MutableClock.morning()).setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin",
                "王主任", PW.toCharArray());
        MainWindow main = new AppShell(ctx, new DirectTaskRunner(), dialogs, saved -> { })
                .build(ctx.settings().community().orElseThrow());
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private TableView<BackupEntry> table(FxRobot robot) {
        return robot.lookup("#backupsTable").queryTableView();
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
    }

    @Test
    void backUpNow_theBackupAppearsInTheList_withItsDateAndSize(FxRobot robot) {
        robot.clickOn("#nav-backups");
        assertThat(table(robot).getItems()).isEmpty();

        robot.clickOn("#backupNowButton");

        assertThat(table(robot).getItems()).singleElement()
                .extracting(b -> b.file().getFileName().toString()).isEqualTo("caredesk-20250602-090000.zip");
        assertThat(text(robot, "#infoLabel")).startsWith("已备份到“caredesk-20250602-090000.zip”（").endsWith(" KB）。");
        Labeled created = robot.lookup("#backupsTable .table-cell").nth(0).queryAs(Labeled.class);
        assertThat(created.getText()).isEqualTo("2025-06-02 09:00:00");
    }

    @Test
    void aTamperedBackupFile_isRefused_withTheSentenceShown_andCannotBeRestored(FxRobot robot) {
        robot.clickOn("#nav-backups");
        robot.clickOn("#backupNowButton");
        Path made = table(robot).getItems().get(0).file();
        Path forged = BackupTampering.withAuditEntryEdited(made, Login.sessionKey(ctx).databaseFiles(), 1,
                dataDir.resolveSibling(dataDir.getFileName() + "-usb").resolve("caredesk-20250601-170000.zip"));
        dialogs.chooseFile(forged);

        robot.clickOn("#inspectFileButton");

        assertThat(text(robot, "#errorLabel")).isEqualTo("备份“caredesk-20250601-170000.zip”没有通过检查，不能用来恢复：\n"
                + "备份里的审计日志在程序之外被改动过，这个备份不能用来恢复：第 1 条记录（" + "2025-06-02 09:00:00"
                + "）在程序之外被改动过，内容与当初写下的不一致。");
        assertThat(shown(robot.lookup("#restoreButton").query())).isFalse();

        robot.clickOn(robot.lookup("#backupsTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#inspectButton");
        assertThat(text(robot, "#reportLabel")).startsWith("备份“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份）检查通过")
                .contains("人员档案：0 条").contains("审计日志");
        assertThat(shown(robot.lookup("#restoreButton").query())).isTrue();
        assertThat(robot.lookup("#restoreButton").query().isDisabled()).isFalse();
    }

    @Test
    void settings_aBadNumberIsNamed_aFolderIsChosen_andBothAreSaved(FxRobot robot) {
        robot.clickOn("#nav-backups");
        robot.doubleClickOn("#keepField").write("0");

        assertThat(text(robot, "#keepError")).isEqualTo("保留备份份数应是 1 到 1000 之间的整数，现在是“0”。");
        assertThat(robot.lookup("#saveSettingsButton").query().isDisabled()).isTrue();

        robot.doubleClickOn("#keepField").write("14");
        Path usb = dataDir.resolveSibling(dataDir.getFileName() + "-usb");
        dialogs.chooseFile(usb);
        robot.clickOn("#chooseFolderButton");
        assertThat(text(robot, "#extraFolderLabel")).isEqualTo(usb.toString());
        robot.clickOn("#saveSettingsButton");

        assertThat(text(robot, "#infoLabel")).isEqualTo("备份设置已保存。");
        assertThat(BackupSettings.load(dataDir)).isEqualTo(new BackupSettings(14, Optional.of(usb)));
    }
}
