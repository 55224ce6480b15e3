package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.db.BackupService;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.security.Role;
import org.caredesk.security.TestSessions;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Data safety as a person meets it in the window: a damaged database found at login and restored from the offered
 * backup, a broken audit chain shown to those who can act on it, a restore from the backup page.
 */
@ExtendWith(ApplicationExtension.class)
class DataSafetyFlowTest {
    static final String PW = StartChecksTest.PW;

    private Path dataDir;
    private Stage stage;
    private StartFlow flow;
    private final MutableClock clock = MutableClock.morning();
    private final Login login = new Login(1_000, clock);

    @Start
    void start(Stage s) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "data-safety");
        stage = s;
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();
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

    private static void logIn(FxRobot robot, String user, String password) {
        robot.clickOn("#userNameField").eraseText(30).write(user);
        robot.clickOn("#passwordField").write(password);
        robot.clickOn("#loginButton");
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private List<String> backups() {
        return new BackupService(dataDir, DatabaseFiles.plain(), clock).backups().stream()
                .map(p -> p.getFileName().toString()).toList();
    }

    private List<String> auditActions() {
        List<String> actions = new java.util.ArrayList<>();
        new AuditLog(flow.context().database().dsl(), new AuditRepository(), clock, TestSessions.with(Role.AUDITOR))
                .forEachMatching(AuditQuery.all(), e -> actions.add(e.action() + " " + e.userName()));
        return actions;
    }

    @Test
    void aDamagedDatabase_isNotWrittenTo_theNewestGoodBackupIsOffered_andRestoredOnConfirmation(FxRobot robot) {
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            StartChecksTest.register(ctx, "陈静");
            BackupsModule.service(ctx).backupNow(Progress.NONE);
            StartChecksTest.register(ctx, "周雨");
        }
        StartChecksTest.damage(dataDir);
        startFlow(robot);
        StartChecksTest.Untouched before = StartChecksTest.Untouched.of(dataDir);

        logIn(robot, "admin", PW);

        assertThat(text(robot, "#damaged-message")).isEqualTo("数据库文件已损坏，程序没有改动它。最新的可用备份是"
                + "“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份，有 1 个人员档案）。是否用这个备份恢复？");
        assertThat(robot.lookup("#damaged-report").queryAs(javafx.scene.layout.VBox.class).getChildren())
                .extracting(n -> ((Label) n).getText()).contains("人员档案：1 条");
        assertThat(robot.lookup("#nav-people").tryQuery()).isEmpty();
        assertThat(StartChecksTest.Untouched.of(dataDir)).as("nothing written: no migration, no daily backup")
                .isEqualTo(before);
        assertThat(backups()).containsExactly("caredesk-20250602-090000.zip");

        robot.clickOn("#damaged-restore");

        assertThat(text(robot, "#noticeLabel")).startsWith("已用备份“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份）"
                + "恢复了数据库。损坏的数据库保存在 " + dataDir.resolve("replaced-20250602-090000"));
        assertThat(StartChecksTest.sha256(DatabaseFiles.databaseFile(dataDir.resolve("replaced-20250602-090000"))))
                .as("the damaged file is kept as it was").isEqualTo(before.hash());
        logIn(robot, "admin", PW);
        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(flow.context().people().count()).isEqualTo(1);
        assertThat(auditActions()).contains("RESTORE admin");
    }

    @Test
    void aDeletedDatabase_offersTheNewestBackup_neverANewEmptyOne_andTheRestoreBringsTheDataBack(FxRobot robot)
            throws IOException {
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            StartChecksTest.register(ctx, "陈静");
            BackupsModule.service(ctx).backupNow(Progress.NONE);
        }
        Files.delete(DatabaseFiles.databaseFile(dataDir));
        startFlow(robot);

        logIn(robot, "admin", PW);

        assertThat(text(robot, "#damaged-message")).startsWith("数据库文件已损坏，程序没有改动它。最新的可用备份是"
                + "“caredesk-20250602-090000.zip”");
        assertThat(robot.lookup("#nav-people").tryQuery()).isEmpty();
        assertThat(DatabaseFiles.databaseFile(dataDir)).as("no new empty database").doesNotExist();

        robot.clickOn("#damaged-restore");
        logIn(robot, "admin", PW);

        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(flow.context().people().count()).isEqualTo(1);
    }

    /**
     * The folder as a kill leaves it after the first rename of a restore's swap: the journal written, the database
     * already in {@code replaced-…}, the checked backup still unpacked in {@code tmp/}. The window finishes the swap
     * before the login and says so.
     */
    @Test
    void aRestoreCutShortInsideTheSwap_isFinishedByTheNextWindowStart(FxRobot robot) throws IOException {
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            StartChecksTest.register(ctx, "陈静");
        }
        Path work = dataDir.resolve("tmp").resolve("restore-cut");
        copyTree(dataDir.resolve("db"), work.resolve("db"));
        Files.copy(dataDir.resolve(DatabaseFiles.KEY_RING), work.resolve(DatabaseFiles.KEY_RING));
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            StartChecksTest.register(ctx, "周雨");
        }
        Files.writeString(dataDir.resolve("restore-journal.properties"), "aside=replaced-cut\nwork=tmp/restore-cut\n"
                + "old=db,keyring.properties\nfresh=db,keyring.properties\n");
        Files.createDirectories(dataDir.resolve("replaced-cut"));
        Files.move(dataDir.resolve("db"), dataDir.resolve("replaced-cut").resolve("db"));

        startFlow(robot);

        assertThat(text(robot, "#noticeLabel")).isEqualTo(I18n.get("restore.interrupted.finished"));
        logIn(robot, "admin", PW);
        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(flow.context().people().count()).as("the backup's data").isEqualTo(1);
        assertThat(DatabaseFiles.databaseFile(dataDir.resolve("replaced-cut"))).exists();
        assertThat(dataDir.resolve("restore-journal.properties")).doesNotExist();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : all.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    @Test
    void aWindowStart_removesWhatInterruptedBackupsAndRestoresLeft(FxRobot robot) throws IOException {
        Path part = Files.createDirectories(dataDir.resolve("backups")).resolve("caredesk-20250601-090000.zip.part");
        Files.writeString(part, "half a backup");
        Path work = Files.createDirectories(dataDir.resolve("tmp").resolve("restore-1").resolve("db"));
        Files.writeString(work.resolve("caredesk.mv.db"), "x".repeat(10_000));

        startFlow(robot);

        assertThat(robot.lookup("#loginButton").tryQuery()).isPresent();
        assertThat(part).doesNotExist();
        try (var left = Files.list(dataDir.resolve("tmp"))) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aBrokenAuditChain_isShownToTheAdministratorAfterLogin_butDoesNotStopOthers(FxRobot robot) {
        try (AppContext ctx = login.open(dataDir, "admin", PW.toCharArray()).ctx()) {
            UsersModule.users(ctx).addUser(UsersModule.session(ctx), "lixia", "李霞", EnumSet.of(Role.FRONT_DESK),
                    "Front-desk22".toCharArray(), false);
        }
        StartChecksTest.sql(login, dataDir, "update audit_log set user_name = 'mallory' where seq = 1");
        startFlow(robot);

        logIn(robot, "admin", PW);

        assertThat(text(robot, "#audit-warning-text")).startsWith("审计日志检查发现问题：第 1 条记录（2025-06-02 09:00:00）"
                + "在程序之外被改动过");
        robot.clickOn("#audit-warning-close");
        assertThat(robot.lookup("#audit-warning").tryQuery()).isEmpty();

        robot.clickOn("#status-logout");
        logIn(robot, "lixia", "Front-desk22");
        assertThat(robot.lookup("#nav-people").tryQuery()).isPresent();
        assertThat(robot.lookup("#audit-warning").tryQuery()).isEmpty();
    }

    @Test
    void aRestoreFromTheBackupPage_replacesTheData_keepsTheOldAside_andAsksForTheLoginAgain(FxRobot robot) {
        startFlow(robot);
        logIn(robot, "admin", PW);
        robot.clickOn("#nav-backups");
        robot.clickOn("#backupNowButton");
        // The daily backup at login came first; the one just made has the same second, so it is numbered.
        assertThat(backups()).containsExactly("caredesk-20250602-090000-2.zip", "caredesk-20250602-090000.zip");
        StartChecksTest.register(flow.context(), "林晓");

        Node newest = robot.lookup("#backupsTable .table-row-cell").nth(0).query();
        robot.clickOn(newest);
        robot.clickOn("#inspectButton");
        assertThat(text(robot, "#reportLabel")).contains("人员档案：0 条");
        robot.clickOn("#restoreButton");
        DialogPane confirm = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(((Label) confirm.getContent()).getText()).startsWith("确定用“caredesk-20250602-090000-2.zip”");
        robot.clickOn((Button) confirm.lookupButton(ButtonType.OK));

        assertThat(text(robot, "#noticeLabel")).startsWith("已用备份“caredesk-20250602-090000-2.zip”");
        assertThat(flow.context()).isNull();
        logIn(robot, "admin", PW);
        assertThat(flow.context().people().count()).isZero();
        assertThat(auditActions()).last().isEqualTo("LOGIN admin");
        assertThat(auditActions()).contains("RESTORE admin");
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("replaced-20250602-090000");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
