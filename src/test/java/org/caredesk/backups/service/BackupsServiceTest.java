package org.caredesk.backups.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.app.MutableClock;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BackupEntry;
import org.caredesk.db.BackupResult;
import org.caredesk.db.BackupService;
import org.caredesk.db.BackupSettings;
import org.caredesk.db.BackupTampering;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.db.RestoreService;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.security.AccessDeniedException;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.TestSessions;
import org.caredesk.security.UserIdentity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's backups on a data folder on disk (plain files: the encrypted ones are the same code with
 * another {@link DatabaseFiles}, covered by the window's tests): permissions, the audit entries, a tampered backup,
 * a restore that replaces the database under the running program, the settings.
 */
class BackupsServiceTest {
    private static final UserIdentity ADMIN = new UserIdentity(UUID.randomUUID(), "admin", "王主任",
            EnumSet.of(Role.DIRECTOR));

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.morning();
    private final DatabaseFiles files = DatabaseFiles.plain();
    private AppContext ctx;

    @BeforeEach
    void openFolder() {
        I18n.setLocale(I18n.CHINESE);
        ctx = new AppContext(dataDir, Database.openFile(dataDir), clock);
        ctx.session().login(ADMIN, clock.instant());
        ctx.actAs(() -> "admin");
        register(ctx, "陈静");
        register(ctx, "周雨");
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private static void register(AppContext c, String name) {
        String first17 = "11010519700101" + String.format("%03d", c.people().count() + 1);
        c.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    private BackupsService service(Session session) {
        RestoreService restore = new RestoreService(dataDir, files, clock).withCheck(new AuditChainCheck(clock));
        return new BackupsService(dataDir, ctx.database(), ctx.database()::close, files,
                new BackupService(dataDir, files, clock), restore, ctx.audit(), ctx.actor(), session, clock);
    }

    private BackupsService service() {
        return service(ctx.session());
    }

    private static List<AuditEntry> entries(Database db, Clock clock) {
        List<AuditEntry> all = new ArrayList<>();
        new AuditLog(db.dsl(), new AuditRepository(), clock, TestSessions.with(Role.AUDITOR))
                .forEachMatching(AuditQuery.all(), all::add);
        return all;
    }

    private List<AuditEntry> entries() {
        return entries(ctx.database(), clock);
    }

    private static List<String> names(AppContext c) {
        return c.people().search(PersonQuery.all()).items().stream().map(PersonRow::name).sorted().toList();
    }

    @Test
    void backupNow_writesABackup_listsIt_andRecordsWhoMadeIt() {
        BackupResult result = service().backupNow(Progress.NONE);

        assertThat(result.file()).exists().hasParent(BackupService.backupFolder(dataDir));
        assertThat(service().list()).extracting(BackupEntry::file).containsExactly(result.file());
        assertThat(service().list().get(0).created()).isEqualTo("2025-06-02T09:00:00");
        AuditEntry last = entries().get(entries().size() - 1);
        assertThat(last.action()).isEqualTo("BACKUP");
        assertThat(last.userName()).isEqualTo("admin");
        assertThat(last.outcome()).isEqualTo("SUCCESS");
        assertThat(last.objectLabel()).isEqualTo(result.file().getFileName().toString());
        assertThat(last.detailText()).endsWith(" KB");
    }

    @Test
    void everyCall_checksThePermission() {
        BackupsService frontDesk = service(TestSessions.with(Role.FRONT_DESK));
        BackupsService auditor = service(TestSessions.with(Role.AUDITOR));

        assertThatThrownBy(() -> frontDesk.backupNow(Progress.NONE)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(frontDesk::list).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditor.inspect(dataDir.resolve("x.zip"), Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditor.restore(dataDir.resolve("x.zip"), Progress.NONE))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> auditor.saveSettings(5, Optional.empty())).isInstanceOf(AccessDeniedException.class);
        assertThat(BackupService.backupFolder(dataDir)).doesNotExist();
        assertThat(BackupSettings.load(dataDir)).isEqualTo(BackupSettings.DEFAULTS);
    }

    @Test
    void aBackupFolderThatCannotBeWritten_isOneSentence_recorded_andTheLiveDataIsUntouched() throws IOException {
        // A plain file where the backup folder should be: nothing can be created inside it.
        Files.writeString(BackupService.backupFolder(dataDir), "not a folder");

        assertThatThrownBy(() -> service().backupNow(Progress.NONE)).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.localized()).startsWith("无法写入").contains("已有的数据没有受影响"));

        AuditEntry last = entries().get(entries().size() - 1);
        assertThat(last.action()).isEqualTo("BACKUP");
        assertThat(last.outcome()).isEqualTo("FAILURE");
        assertThat(last.detailText()).startsWith("无法写入");
        assertThat(names(ctx)).containsExactly("周雨", "陈静");
        register(ctx, "林晓");
        assertThat(names(ctx)).containsExactly("周雨", "林晓", "陈静");
        assertThat(Files.readString(BackupService.backupFolder(dataDir))).isEqualTo("not a folder");
    }

    @Test
    void anExtraFolderThatCannotBeReached_stillGivesTheBackupInTheDataFolder_andSaysTheCopyFailed()
            throws IOException {
        Path plainFile = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-usb"), "x");
        service().saveSettings(30, Optional.of(plainFile.resolve("backups")));

        BackupResult result = service().backupNow(Progress.NONE);

        assertThat(result.file()).exists();
        assertThat(result.warnings()).singleElement().asString().startsWith("备份已保存在数据文件夹里，但没能复制到");
        assertThat(entries().get(entries().size() - 1).detailText()).contains("备份已保存在数据文件夹里");
    }

    @Test
    void aBackupWhoseAuditLogWasEdited_isRefused_withTheEntryNamed() {
        Path backup = service().backupNow(Progress.NONE).file();
        Path forged = BackupTampering.withAuditEntryEdited(backup, files, 1,
                dataDir.resolveSibling("elsewhere").resolve("caredesk-20250602-090000.zip"));

        RestoreReport report = service().inspect(forged, Progress.NONE);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).singleElement().asString()
                .startsWith("备份里的审计日志在程序之外被改动过，这个备份不能用来恢复：第 1 条记录");
        assertThat(service().inspect(backup, Progress.NONE).ok()).as("the untouched backup passes").isTrue();
    }

    @Test
    void restore_ofATamperedBackup_isRefusedWhileTheDatabaseIsOpen_andChangesNothing() {
        Path backup = service().backupNow(Progress.NONE).file();
        Path forged = BackupTampering.withAuditEntryEdited(backup, files, 1, dataDir.resolve("forged.zip"));
        BackupsService service = service();

        assertThatThrownBy(() -> service.restore(forged, Progress.NONE)).isInstanceOfSatisfying(UserException.class,
                e -> assertThat(e.localized()).startsWith("备份文件“forged.zip”没有通过检查，数据没有被替换：")
                        .contains("第 1 条记录"));

        assertThat(service.liveClosed()).isFalse();
        register(ctx, "林晓");
        assertThat(names(ctx)).containsExactly("周雨", "林晓", "陈静");
        AuditEntry refused = entries().stream().filter(e -> e.action().equals("RESTORE")).findFirst().orElseThrow();
        assertThat(refused.outcome()).isEqualTo("FAILURE");
        assertThat(dataDir.resolve("replaced-20250602-090000")).doesNotExist();
    }

    @Test
    void restore_closesTheLiveDatabase_putsTheBackupBack_keepsTheOldAside_andRecordsItInTheRestoredOne() {
        Path backup = service().backupNow(Progress.NONE).file();
        register(ctx, "林晓");
        clock.advance(Duration.ofHours(2));
        BackupsService service = service();

        RestoreResult result = service.restore(backup, Progress.NONE);

        assertThat(service.liveClosed()).isTrue();
        assertThat(result.replacedFolder()).isEqualTo(dataDir.resolve("replaced-20250602-110000"));
        ctx.close();
        ctx = new AppContext(dataDir, Database.openFile(dataDir), clock);
        ctx.session().login(ADMIN, clock.instant());
        assertThat(names(ctx)).containsExactly("周雨", "陈静");
        AuditEntry last = entries().get(entries().size() - 1);
        assertThat(last.action()).isEqualTo("RESTORE");
        assertThat(last.userName()).isEqualTo("admin");
        assertThat(last.outcome()).isEqualTo("SUCCESS");
        assertThat(last.detailText()).isEqualTo("用 2025-06-02 09:00 的备份恢复；原来的数据库保存在 replaced-20250602-110000");
        assertThat(ctx.audit().checkChain().intact()).isTrue();
        try (Database aside = Database.openFile(result.replacedFolder())) {
            AppContext old = new AppContext(result.replacedFolder(), aside, clock);
            old.session().login(ADMIN, clock.instant());
            assertThat(names(old)).containsExactly("周雨", "林晓", "陈静");
        }
    }

    @Test
    void settings_keepMustBeFrom1To1000_theSentenceNamesTheField_andNothingIsSaved() {
        for (int bad : new int[] {0, -3, 1001}) {
            assertThatThrownBy(() -> service().saveSettings(bad, Optional.empty()))
                    .isInstanceOfSatisfying(ValidationException.class, e -> {
                        assertThat(e.problems()).singleElement().extracting(p -> p.field())
                                .isEqualTo(BackupsService.KEEP);
                        assertThat(e.localized()).isEqualTo("保留备份份数应是 1 到 1000 之间的整数，现在是“" + bad + "”。");
                    });
        }
        assertThat(Files.exists(dataDir.resolve("backup.properties"))).isFalse();
        assertThatThrownBy(() -> service().saveSettings(30, Optional.of(BackupService.backupFolder(dataDir))))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.problems())
                        .singleElement().extracting(p -> p.field()).isEqualTo(BackupsService.EXTRA_FOLDER));
    }

    @Test
    void settings_areSaved_andTheChangeIsRecorded_onceOnly() {
        Path usb = dataDir.resolveSibling("usb");

        BackupSettings saved = service().saveSettings(7, Optional.of(usb));
        int count = entries().size();
        service().saveSettings(7, Optional.of(usb));

        assertThat(saved).isEqualTo(new BackupSettings(7, Optional.of(usb)));
        assertThat(BackupSettings.load(dataDir)).isEqualTo(saved);
        assertThat(service().settings()).isEqualTo(saved);
        assertThat(entries()).hasSize(count);
        AuditEntry change = entries().get(count - 1);
        assertThat(change.action()).isEqualTo("SETTING_CHANGED");
        assertThat(change.decodedDetail().changes()).extracting(c -> c.field() + "=" + c.oldValue() + "→"
                + c.newValue()).containsExactly("field.backupKeep=30→7",
                        "field.backupExtraFolder=null→" + usb.toAbsolutePath().normalize());
    }

    @Test
    void theDailyBackup_isRecordedUnderTheSystemsName_forAnyoneWhoLogsIn() {
        BackupsService frontDesk = service(TestSessions.with(Role.FRONT_DESK));

        assertThat(frontDesk.backupIfFirstStartToday()).isPresent();
        assertThat(frontDesk.backupIfFirstStartToday()).isEmpty();

        AuditEntry last = entries().get(entries().size() - 1);
        assertThat(last.userName()).isEqualTo("system");
        assertThat(last.detailText()).startsWith("每天第一次登录时的自动备份");
    }
}
