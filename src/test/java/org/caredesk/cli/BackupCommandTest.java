package org.caredesk.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.app.SessionKey;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.IdNumber;
import org.caredesk.db.BackupService;
import org.caredesk.db.BackupTampering;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.InstanceLock;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.Role;
import org.caredesk.security.TestSessions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The data-safety commands: backup, restore and check. */
class BackupCommandTest {
    @TempDir
    Path dir;

    private Path community(String... names) {
        Path dataDir = dir.resolve("data");
        CliRun.setUp(dataDir, "锦绣社区");
        try (AppContext ctx = CliRun.open(dataDir)) {
            for (String name : names) {
                register(ctx, name);
            }
        }
        return dataDir;
    }

    private static void register(AppContext ctx, String name) {
        String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
        ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    private static int people(Path dataDir) {
        try (AppContext ctx = CliRun.open(dataDir)) {
            return ctx.people().count();
        }
    }

    @Test
    void backup_writesIntoTheBackupsFolder_andSaysWhere() {
        Path dataDir = community("陈静", "周雨");

        CliRun r = CliRun.admin(dataDir, "backup");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        List<Path> backups = new BackupService(dataDir, DatabaseFiles.plain(), java.time.Clock.systemDefaultZone())
                .backups();
        assertThat(backups).hasSize(1);
        assertThat(r.out()).singleElement().asString().startsWith("已备份到 " + backups.get(0) + "（");
    }

    @Test
    void backupOut_writesThatFile() {
        Path dataDir = community("陈静");
        Path file = dir.resolve("U盘").resolve("今天.zip");

        CliRun r = CliRun.admin(dataDir, "backup", "--out", file.toString());

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(file).exists();
        assertThat(dataDir.resolve("backups")).doesNotExist();
    }

    @Test
    void backupAndCheck_ofAFolderWithoutCommunity_areRefused_andCreateNothing() {
        Path typo = dir.resolve("no-such-folder");

        assertThat(CliRun.admin(typo, "backup").exit()).isEqualTo(Cli.FAILED);
        CliRun check = CliRun.admin(typo, "check");

        assertThat(check.exit()).isEqualTo(Cli.FAILED);
        assertThat(check.errText()).contains("里还没有社区");
        assertThat(typo).doesNotExist();
    }

    @Test
    void restore_showsWhatTheBackupHolds_thenPutsItBack() {
        Path dataDir = community("陈静", "周雨");
        Path file = dir.resolve("backup.zip");
        assertThat(CliRun.admin(dataDir, "backup", "--out", file.toString()).exit()).isEqualTo(Cli.OK);
        try (AppContext ctx = CliRun.open(dataDir)) {
            register(ctx, "林晓");
        }

        CliRun r = CliRun.admin(dataDir, "restore", file.toString());

        assertThat(r.exit()).as(r.errText()).isEqualTo(Cli.OK);
        assertThat(r.out().get(0)).startsWith("备份“backup.zip”（").endsWith("检查通过，其中有：");
        assertThat(r.out()).contains("  人员档案：2 条");
        assertThat(r.out().get(r.out().size() - 1)).startsWith("已用备份“backup.zip”恢复了数据库。原来的数据库保存在 "
                + dataDir.resolve("replaced-"));
        assertThat(people(dataDir)).isEqualTo(2);
    }

    @Test
    void backupAndRestore_areRecordedInTheAuditLog_theRestoreInTheRestoredDatabase() {
        Path dataDir = community("陈静");
        Path file = dir.resolve("backup.zip");
        CliRun.admin(dataDir, "backup", "--out", file.toString());
        assertThat(auditActions(dataDir)).contains("BACKUP admin SUCCESS");

        assertThat(CliRun.admin(dataDir, "restore", file.toString()).exit()).isEqualTo(Cli.OK);

        assertThat(auditActions(dataDir)).contains("RESTORE admin SUCCESS").doesNotContain("BACKUP admin SUCCESS");
    }

    @Test
    void restore_ofABackupWhoseAuditLogWasEdited_isRefused_andNothingIsReplaced() {
        Path dataDir = community("陈静", "周雨");
        Path file = dir.resolve("backup.zip");
        CliRun.admin(dataDir, "backup", "--out", file.toString());
        Path forged;
        try (SessionKey key = CliRun.login().unlock(dataDir, Login.DEMO_ADMIN, CliRun.PW.toCharArray())) {
            forged = BackupTampering.withAuditEntryEdited(file, key.databaseFiles(), 2, dir.resolve("forged.zip"));
        }

        CliRun r = CliRun.admin(dataDir, "restore", forged.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.errText()).contains("备份“forged.zip”没有通过检查，数据库没有被替换：")
                .contains("备份里的审计日志在程序之外被改动过，这个备份不能用来恢复：第 2 条记录");
        assertThat(people(dataDir)).isEqualTo(2);
        try (Stream<Path> files = Files.list(dataDir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("replaced-"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> auditActions(Path dataDir) {
        List<String> actions = new ArrayList<>();
        try (AppContext ctx = CliRun.open(dataDir)) {
            new AuditLog(ctx.database().dsl(), new AuditRepository(), ctx.clock(), TestSessions.with(Role.AUDITOR))
                    .forEachMatching(AuditQuery.all(), e -> actions.add(e.action() + " " + e.userName() + " "
                            + e.outcome()));
        }
        return actions;
    }

    @Test
    void restore_ofAFileThatIsNotABackup_isRefusedInOneSentence() throws IOException {
        Path dataDir = community("陈静");
        Path notes = Files.writeString(dir.resolve("notes.zip"), "not a backup");

        CliRun r = CliRun.admin(dataDir, "restore", notes.toString());

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err()).last().isEqualTo("“notes.zip”不是社区帮扶工作台的备份文件，不能用来恢复。");
        assertThat(people(dataDir)).isEqualTo(1);
    }

    @Test
    void restore_whileAWindowHoldsTheFolder_isRefused() {
        Path dataDir = community("陈静");
        Path file = dir.resolve("backup.zip");
        CliRun.admin(dataDir, "backup", "--out", file.toString());

        try (InstanceLock window = InstanceLock.forWindow(dataDir, () -> { })) {
            CliRun r = CliRun.admin(dataDir, "restore", file.toString());

            assertThat(r.exit()).isEqualTo(Cli.FAILED);
            assertThat(r.errText()).startsWith("另一个社区帮扶工作台已经打开了这个数据文件夹");
        }
    }

    @Test
    void check_ofASoundDatabase_printsTheCounts() {
        Path dataDir = community("陈静", "周雨");

        CliRun r = CliRun.admin(dataDir, "check");

        assertThat(r.exit()).isEqualTo(Cli.OK);
        assertThat(r.out()).contains("数据库检查通过，共有 2 个人员档案。", "  人员档案：2 条");
    }

    @Test
    void check_ofADamagedDatabase_namesTheBackupAndTheCommandThatRestoresIt() throws IOException {
        Path dataDir = community("陈静", "周雨");
        assertThat(CliRun.admin(dataDir, "backup").exit()).isEqualTo(Cli.OK);
        Path file = DatabaseFiles.databaseFile(dataDir);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(0);
            f.write("不再是数据库".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }

        CliRun r = CliRun.admin(dataDir, "check");

        assertThat(r.exit()).isEqualTo(Cli.FAILED);
        assertThat(r.err().get(0)).startsWith("数据库文件已损坏，程序没有改动它。最新的可用备份是“caredesk-");
        assertThat(r.err().get(1)).startsWith("要用这个备份恢复，请先关闭程序窗口，再运行：caredesk restore \"");
    }

    @Test
    void help_listsTheSafetyCommands() {
        CliRun r = CliRun.run(dir, "--help");

        assertThat(r.outText()).contains("backup [--out 文件.zip]", "restore 备份.zip", "check");
    }
}
