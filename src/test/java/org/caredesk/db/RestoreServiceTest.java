package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.caredesk.db.BackupTestData.at;
import static org.caredesk.db.BackupTestData.names;
import static org.caredesk.db.BackupTestData.people;
import static org.caredesk.db.BackupTestData.register;
import static org.caredesk.db.BackupTestData.sha256;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.caredesk.common.UserException;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.people.service.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestoreServiceTest {
    private static final Clock BACKUP_TIME = at("2025-03-01T08:30:00");
    private static final Clock RESTORE_TIME = at("2025-03-04T14:05:09");

    @TempDir
    Path dataDir;
    private Path backup;

    /** Two people at backup time; afterwards a third is registered and the first one's file is closed. */
    @BeforeEach
    void twoPeopleBackedUpThenChanged() {
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, BACKUP_TIME);
            Person chen = register(people, "陈静", 1);
            register(people, "周雨", 2);
            backup = new BackupService(dataDir, DatabaseFiles.plain(), BACKUP_TIME).backupNow(db).file();
            register(people, "林晓", 3);
            people.close(chen.id(), CloseReason.MOVED_AWAY, people.today(), "迁往外地", chen.version());
        }
    }

    private RestoreService service() {
        return new RestoreService(dataDir, DatabaseFiles.plain(), RESTORE_TIME);
    }

    private String databaseHash() {
        return sha256(DatabaseFiles.databaseFile(dataDir));
    }

    private static String key(Throwable t) {
        return ((UserException) t).key();
    }

    @Test
    void inspect_showsWhatTheBackupHolds_andChangesNothing() {
        String before = databaseHash();

        RestoreReport report = service().inspect(backup);

        assertThat(report.ok()).isTrue();
        assertThat(report.created()).hasToString("2025-03-01T08:30");
        assertThat(report.people()).isEqualTo(2);
        assertThat(report.rowCounts()).containsEntry("PERSON", 2L).containsEntry("PERSON_CATEGORY", 2L)
                .doesNotContainKey("flyway_schema_history");
        assertThat(report.schemaVersion()).contains(BackupTestData.latestMigration());
        assertThat(IntegrityCheck.describe(report.rowCounts())).contains("人员档案：2 条");
        assertThat(databaseHash()).isEqualTo(before);
        assertThat(BackupTestData.filesUnder(dataDir.resolve("tmp"))).isEmpty();
    }

    @Test
    void restore_givesBackTheDataOfTheBackup_andKeepsTheReplacedDatabaseAside() {
        RestoreResult result = service().restore(backup);

        assertThat(result.replacedFolder()).isEqualTo(dataDir.resolve("replaced-20250304-140509"));
        assertThat(result.restored().people()).isEqualTo(2);
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, RESTORE_TIME);
            assertThat(names(people)).containsExactly("周雨", "陈静");
            assertThat(people.countActiveByCategory().values().stream().mapToInt(Integer::intValue).sum())
                    .as("陈静 is active again, as she was at backup time").isEqualTo(2);
        }
        try (Database aside = Database.openFile(result.replacedFolder())) {
            assertThat(names(people(aside, RESTORE_TIME))).containsExactly("周雨", "林晓", "陈静");
        }
        assertThat(BackupTestData.filesUnder(dataDir.resolve("tmp"))).isEmpty();
    }

    @Test
    void aSecondRestoreInTheSameSecond_keepsBothReplacedDatabases() {
        Path first = service().restore(backup).replacedFolder();
        Path second = service().restore(backup).replacedFolder();

        assertThat(second).isEqualTo(dataDir.resolve("replaced-20250304-140509-2"));
        assertThat(DatabaseFiles.databaseFile(first)).exists();
        assertThat(DatabaseFiles.databaseFile(second)).exists();
    }

    @Test
    void theKeyRing_isRestoredWithTheDatabase_andTheCurrentOneKeptAside() throws IOException {
        Files.writeString(dataDir.resolve("keyring.properties"), "slot.admin=old\n");
        try (Database db = Database.openFile(dataDir)) {
            backup = new BackupService(dataDir, DatabaseFiles.plain(), BACKUP_TIME).backupNow(db).file();
        }
        Files.writeString(dataDir.resolve("keyring.properties"), "slot.admin=new\n");

        RestoreResult result = service().restore(backup);

        assertThat(dataDir.resolve("keyring.properties")).hasContent("slot.admin=old");
        assertThat(result.replacedFolder().resolve("keyring.properties")).hasContent("slot.admin=new");
    }

    @Test
    void aByteChangedInTheBackup_isRefusedInOneSentence_andNothingIsReplaced() throws IOException {
        String before = databaseHash();
        try (RandomAccessFile f = new RandomAccessFile(backup.toFile(), "rw")) {
            long middle = f.length() / 2;
            f.seek(middle);
            int b = f.read();
            f.seek(middle);
            f.write(b ^ 0x5A);
        }

        assertThatThrownBy(() -> service().inspect(backup)).satisfies(e -> {
            assertThat(key(e)).isEqualTo("restore.error.damaged");
            assertThat(((UserException) e).localized()).isEqualTo("备份文件“" + backup.getFileName()
                    + "”已损坏或被改动过，不能用来恢复。请换一个备份文件。");
        });
        assertThatThrownBy(() -> service().restore(backup)).satisfies(e -> assertThat(key(e))
                .isEqualTo("restore.error.damaged"));
        assertThat(databaseHash()).isEqualTo(before);
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("replaced"));
        assertThat(BackupTestData.filesUnder(dataDir.resolve("tmp"))).isEmpty();
    }

    /** Rewrites the backup zip entry by entry, letting {@code change} alter the content of one entry. */
    private Path rewritten(String entryName, UnaryOperator<byte[]> change, String extraEntry) throws IOException {
        Path copy = backup.resolveSibling("caredesk-20250301-083000-2.zip");
        try (ZipFile in = new ZipFile(backup.toFile());
             OutputStream file = Files.newOutputStream(copy);
             ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry e : in.stream().toList()) {
                byte[] content = in.getInputStream(e).readAllBytes();
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(e.getName().equals(entryName) ? change.apply(content) : content);
                out.closeEntry();
            }
            if (extraEntry != null) {
                out.putNextEntry(new ZipEntry(extraEntry));
                out.write("planted".getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return copy;
    }

    @Test
    void aDatabaseChangedInsideAWellFormedZip_failsItsChecksum() throws IOException {
        Path tampered = rewritten("db/caredesk.mv.db", bytes -> {
            bytes[bytes.length / 3] ^= 1;
            return bytes;
        }, null);

        assertThatThrownBy(() -> service().restore(tampered))
                .satisfies(e -> assertThat(key(e)).isEqualTo("restore.error.damaged"));
    }

    @Test
    void anEntryThatWouldLandOutsideTheDataFolder_isRefused() throws IOException {
        Path planted = rewritten("none", bytes -> bytes, "../../planted.txt");

        assertThatThrownBy(() -> service().inspect(planted))
                .satisfies(e -> assertThat(key(e)).isEqualTo("restore.error.damaged"));
        assertThat(dataDir.resolve("planted.txt")).doesNotExist();
        assertThat(dataDir.getParent().resolve("planted.txt")).doesNotExist();
    }

    @Test
    void filesThatAreNotOurBackups_areRefused() throws Exception {
        Path text = Files.writeString(dataDir.resolve("notes.zip"), "just some text");
        Path h2Own = dataDir.resolve("h2-own.zip");
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("BACKUP TO '" + h2Own.toAbsolutePath() + "'");
        }
        Path cut = dataDir.resolve("cut.zip");
        byte[] whole = Files.readAllBytes(backup);
        Files.write(cut, java.util.Arrays.copyOf(whole, whole.length / 2));

        assertThatThrownBy(() -> service().inspect(text)).satisfies(e -> assertThat(key(e))
                .isEqualTo("restore.error.notBackup"));
        assertThatThrownBy(() -> service().inspect(h2Own)).satisfies(e -> assertThat(key(e))
                .isEqualTo("restore.error.notBackup"));
        assertThatThrownBy(() -> service().inspect(cut)).satisfies(e -> assertThat(key(e))
                .isEqualTo("restore.error.damaged"));
        assertThatThrownBy(() -> service().inspect(dataDir.resolve("gone.zip"))).satisfies(e -> assertThat(key(e))
                .isEqualTo("restore.error.notFound"));
    }

    @Test
    void anExtraCheckThatFindsAProblem_stopsTheRestore() {
        String before = databaseHash();
        RestoreService withAuditCheck = service().withCheck(db -> Optional.of("审计日志第 7 条被改动过。"));

        RestoreReport report = withAuditCheck.inspect(backup);

        assertThat(report.ok()).isFalse();
        assertThat(report.problems()).containsExactly("审计日志第 7 条被改动过。");
        assertThatThrownBy(() -> withAuditCheck.restore(backup)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.key()).isEqualTo("restore.error.notUsable");
            assertThat(e.localized()).contains("审计日志第 7 条被改动过。");
        });
        assertThat(databaseHash()).isEqualTo(before);
    }

    @Test
    void extraChecks_runOnTheBackup_notOnTheLiveDatabase() {
        AtomicInteger seen = new AtomicInteger(-1);
        RestoreService counting = service().withCheck(db -> {
            seen.set(people(db, RESTORE_TIME).count());
            return Optional.empty();
        });

        assertThat(counting.inspect(backup).ok()).isTrue();
        assertThat(seen.get()).isEqualTo(2);
    }

    @Test
    void anExtraCheckThatThrows_isAProblem_notACrash() {
        RestoreService failing = service().withCheck(db -> {
            throw new IllegalStateException("chain table missing");
        });

        assertThat(failing.inspect(backup).problems()).singleElement().asString().contains("检查备份");
    }

    @Test
    void restore_isRefusedWhileTheDatabaseIsOpen() {
        try (Database open = Database.openFile(dataDir)) {
            assertThatThrownBy(() -> service().restore(backup))
                    .satisfies(e -> assertThat(key(e)).isEqualTo("restore.error.databaseOpen"));
            assertThat(people(open, RESTORE_TIME).count()).isEqualTo(3);
        }
    }

    @Test
    void whenTheBackupCannotBeUnpacked_theDatabaseStaysAsItWas() throws IOException {
        String before = databaseHash();
        // tmp is where backups are unpacked; a plain file in its place makes every write there fail.
        BackupFiles.deleteTree(dataDir.resolve("tmp"));
        Files.writeString(dataDir.resolve("tmp"), "in the way");

        assertThatThrownBy(() -> service().restore(backup)).isInstanceOfSatisfying(UserException.class, e -> {
            assertThat(e.key()).isEqualTo("backup.error.cannotWrite");
            assertThat(e.localized()).contains("已有的数据没有受影响");
        });
        assertThat(databaseHash()).isEqualTo(before);
        try (Database db = Database.openFile(dataDir)) {
            assertThat(names(people(db, RESTORE_TIME))).containsExactly("周雨", "林晓", "陈静");
        }
    }

    @Test
    void backups_listsBothFoldersNewestFirst() throws IOException {
        Path usb = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-usb"));
        Path older = Files.copy(backup, usb.resolve("caredesk-20250227-090000.zip"));
        Path newer = Files.copy(backup, usb.resolve("caredesk-20250302-090000.zip"));
        new BackupSettings(30, Optional.of(usb)).save(dataDir);

        assertThat(service().backups()).containsExactly(newer, backup, older);
        assertThat(List.of(BackupSettings.load(dataDir).extraFolder().orElseThrow())).containsExactly(usb);
    }
}
