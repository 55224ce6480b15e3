package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.caredesk.db.BackupTestData.at;
import static org.caredesk.db.BackupTestData.people;
import static org.caredesk.db.BackupTestData.register;
import static org.caredesk.db.BackupTestData.sha256;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.caredesk.common.UserException;
import org.caredesk.people.service.PersonService;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupServiceTest {
    private static final Clock MORNING = at("2025-03-01T08:30:00");

    @TempDir
    Path dataDir;

    private BackupService service(Clock clock) {
        return new BackupService(dataDir, DatabaseFiles.plain(), clock);
    }

    private static List<String> entries(Path zip) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.stream().map(ZipEntry::getName).sorted().toList();
        }
    }

    private static byte[] entry(Path zip, String name) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getInputStream(z.getEntry(name)).readAllBytes();
        }
    }

    @Test
    void backupNow_writesANamedZipWithTheDatabaseAndItsChecksums() throws IOException {
        try (Database db = Database.openFile(dataDir)) {
            register(people(db, MORNING), "陈静", 1);

            BackupResult result = service(MORNING).backupNow(db);

            assertThat(result.file()).isEqualTo(dataDir.resolve("backups/caredesk-20250301-083000.zip"));
            assertThat(result.bytes()).isEqualTo(Files.size(result.file()));
            assertThat(result.warnings()).isEmpty();
            assertThat(entries(result.file())).containsExactly("caredesk-backup.properties", "db/caredesk.mv.db");
            String manifest = new String(entry(result.file(), "caredesk-backup.properties"), StandardCharsets.UTF_8);
            assertThat(manifest).contains("format=2").contains("created=2025-03-01T08\\:30")
                    .contains(BackupTestData.sha256Of(entry(result.file(), "db/caredesk.mv.db")));
        }
        assertThat(BackupTestData.filesUnder(dataDir.resolve("backups")))
                .containsExactly("caredesk-20250301-083000.zip");
        assertThat(BackupTestData.filesUnder(dataDir.resolve("tmp"))).isEmpty();
    }

    @Test
    void aSecondBackupInTheSameSecond_getsItsOwnName() {
        try (Database db = Database.openFile(dataDir)) {
            Path first = service(MORNING).backupNow(db).file();
            Path second = service(MORNING).backupNow(db).file();

            assertThat(first.getFileName()).hasToString("caredesk-20250301-083000.zip");
            assertThat(second.getFileName()).hasToString("caredesk-20250301-083000-2.zip");
            assertThat(service(MORNING).backups()).containsExactly(second, first);
        }
    }

    @Test
    void theKeyRing_travelsWithTheBackup() throws IOException {
        byte[] ring = "slot.admin=wrapped-key-bytes\n".getBytes(StandardCharsets.UTF_8);
        Files.write(dataDir.resolve("keyring.properties"), ring);
        try (Database db = Database.openFile(dataDir)) {
            Path backup = service(MORNING).backupNow(db).file();

            assertThat(entries(backup)).contains("keyring.properties");
            assertThat(entry(backup, "keyring.properties")).isEqualTo(ring);
        }
    }

    @Test
    void backupIfFirstStartToday_backsUpOnlyAtTheFirstStartOfEachDay() {
        try (Database db = Database.openFile(dataDir)) {
            assertThat(service(MORNING).backupIfFirstStartToday(db)).isPresent();
            assertThat(service(at("2025-03-01T17:45:00")).backupIfFirstStartToday(db)).isEmpty();
            Optional<BackupResult> nextDay = service(at("2025-03-02T07:55:00")).backupIfFirstStartToday(db);

            assertThat(nextDay).isPresent();
            assertThat(nextDay.get().file().getFileName()).hasToString("caredesk-20250302-075500.zip");
            assertThat(service(MORNING).backups()).hasSize(2);
        }
    }

    @Test
    void rotation_keepsTheNewestBackups_andLeavesOtherFilesAlone() throws IOException {
        new BackupSettings(3, Optional.empty()).save(dataDir);
        Path folder = BackupService.backupFolder(dataDir);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("my-own-copy.zip"), "not ours");
        List<Path> made = new ArrayList<>();
        try (Database db = Database.openFile(dataDir)) {
            for (int day = 1; day <= 5; day++) {
                made.add(service(at("2025-03-0" + day + "T09:00:00")).backupNow(db).file());
            }
        }

        assertThat(service(MORNING).backups()).containsExactly(made.get(4), made.get(3), made.get(2));
        assertThat(folder.resolve("my-own-copy.zip")).exists();
    }

    @Test
    void theExtraFolder_getsACopyOfEveryAutomaticBackup_andIsRotatedToo() throws IOException {
        Path usb = Files.createDirectories(dataDir.resolveSibling(dataDir.getFileName() + "-usb"));
        new BackupSettings(2, Optional.of(usb)).save(dataDir);
        BackupResult last = null;
        try (Database db = Database.openFile(dataDir)) {
            for (int day = 1; day <= 3; day++) {
                last = service(at("2025-03-0" + day + "T09:00:00")).backupNow(db);
            }
        }

        assertThat(last.copies()).containsExactly(usb.resolve(last.file().getFileName()));
        assertThat(Files.readAllBytes(last.copies().get(0))).isEqualTo(Files.readAllBytes(last.file()));
        assertThat(BackupTestData.filesUnder(usb))
                .containsExactly("caredesk-20250302-090000.zip", "caredesk-20250303-090000.zip");
    }

    @Test
    void anExtraFolderThatCannotBeWritten_isAWarning_andTheBackupStillStands() throws IOException {
        Path notAFolder = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-file"), "x");
        new BackupSettings(30, Optional.of(notAFolder.resolve("backups"))).save(dataDir);
        try (Database db = Database.openFile(dataDir)) {
            BackupResult result = service(MORNING).backupNow(db);

            assertThat(result.file()).exists();
            assertThat(result.copies()).isEmpty();
            assertThat(result.warnings()).singleElement().asString()
                    .startsWith("备份已保存在数据文件夹里，但没能复制到")
                    .contains(notAFolder.resolve("backups").toString());
        }
    }

    @Test
    void aFullDisk_isReportedInOneSentence_andLeavesTheDataAndOlderBackupsAlone() throws IOException {
        assumeThat(Path.of("/dev/full")).exists();
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, MORNING);
            register(people, "陈静", 1);
            Path older = service(at("2025-02-28T09:00:00")).backupNow(db).file();
            String olderHash = sha256(older);
            Path target = dataDir.resolve("backups/caredesk-20250301-083000.zip");
            // Writes into the backup's part file land on a device that always answers "no space left".
            Files.createSymbolicLink(BackupFiles.partOf(target), Path.of("/dev/full"));

            assertThatThrownBy(() -> service(MORNING).backup(db, target))
                    .isInstanceOf(UserException.class)
                    .satisfies(e -> assertThat(((UserException) e).key()).isEqualTo("backup.error.diskFull"))
                    .hasMessageContaining(target.getParent().toString());

            assertThat(target).doesNotExist();
            assertThat(BackupFiles.partOf(target)).doesNotExist();
            assertThat(sha256(older)).isEqualTo(olderHash);
            assertThat(BackupTestData.names(people)).containsExactly("陈静");
            register(people, "周雨", 2);
            assertThat(people.count()).isEqualTo(2);
        }
    }

    @Test
    void aTargetThatCannotBeWritten_isReported_andTheDatabaseKeepsWorking() throws IOException {
        Path file = Files.writeString(dataDir.resolveSibling(dataDir.getFileName() + "-plain-file"), "x");
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, MORNING);
            register(people, "陈静", 1);

            assertThatThrownBy(() -> service(MORNING).backup(db, file.resolve("backup.zip")))
                    .isInstanceOfSatisfying(UserException.class, e -> {
                        assertThat(e.key()).isEqualTo("backup.error.cannotWrite");
                        assertThat(e.localized()).startsWith("无法写入").contains("已有的数据没有受影响");
                    });

            register(people, "周雨", 2);
            assertThat(BackupTestData.names(people)).containsExactly("周雨", "陈静");
        }
    }

    @Test
    void backupBeforeMigration_doesNothingForANewFolderOrAnUpToDateDatabase() {
        assertThat(service(MORNING).backupBeforeMigration()).isEmpty();
        try (Database db = Database.openFile(dataDir)) {
            register(people(db, MORNING), "陈静", 1);
        }

        assertThat(service(MORNING).backupBeforeMigration()).isEmpty();
        assertThat(service(MORNING).backups()).isEmpty();
    }

    @Test
    void backupBeforeMigration_copiesTheClosedFile_whenAMigrationIsPending() throws Exception {
        try (Database db = Database.openFile(dataDir)) {
            register(people(db, MORNING), "陈静", 1);
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                // The database now looks as if it predates V1, as an old one predates a new program's migration.
                s.execute("delete from \"flyway_schema_history\"");
            }
        }
        Path file = DatabaseFiles.databaseFile(dataDir);
        String before = sha256(file);

        Optional<BackupResult> result = service(MORNING).backupBeforeMigration();

        assertThat(result).isPresent();
        assertThat(entry(result.get().file(), "db/caredesk.mv.db")).isEqualTo(Files.readAllBytes(file));
        assertThat(sha256(file)).as("the check for pending migrations writes nothing").isEqualTo(before);
    }

    @Test
    void aLiveBackup_isOneConsistentMoment_whileWritesGoOn() throws Exception {
        Path backup;
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, MORNING);
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger written = new AtomicInteger();
            List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
            Thread writer = new Thread(() -> {
                try {
                    for (int i = 0; !stop.get(); i++) {
                        register(people, "测试" + i, i);
                        written.incrementAndGet();
                    }
                } catch (RuntimeException e) {
                    failures.add(e);
                }
            });
            writer.start();
            while (written.get() < 20) {
                Thread.sleep(5);
            }
            backup = service(MORNING).backupNow(db).file();
            stop.set(true);
            writer.join();
            assertThat(failures).isEmpty();
        }

        RestoreReport report = new RestoreService(dataDir, DatabaseFiles.plain(), MORNING).inspect(backup);

        assertThat(report.ok()).isTrue();
        // Each person is registered with one category row in one transaction: a torn copy would differ.
        assertThat(report.rowCounts().get("PERSON")).isPositive()
                .isEqualTo(report.rowCounts().get("PERSON_CATEGORY"));
    }

    /** Writes invented secrets into a raw H2 database in a data folder, then has H2 back it up live. */
    private static void secretDatabase(Path dir, String options, String password) throws Exception {
        String url = "jdbc:h2:file:" + dir.resolve("db/caredesk").toAbsolutePath() + options;
        try (Connection c = DriverManager.getConnection(url, "sa", password); Statement s = c.createStatement()) {
            s.execute("create table secret_note (id int primary key, text varchar(100))");
            for (int i = 0; i < 200; i++) {
                s.execute("insert into secret_note values (" + i + ", '绝密姓名ZQXJ" + i + "')");
            }
            s.execute("BACKUP TO '" + dir.resolve("h2-live.zip").toAbsolutePath() + "'");
        }
    }

    @Test
    void anEncryptedDatabase_staysEncryptedInItsBackup() throws Exception {
        Path plainDir = dataDir.resolve("plain");
        secretDatabase(plainDir, "", "");
        assertThat(BackupTestData.indexOf(entry(plainDir.resolve("h2-live.zip"), "caredesk.mv.db"),
                "ZQXJ".getBytes(StandardCharsets.UTF_8))).as("the scan finds the text in a plain file").isPositive();
        // H2's own live backup copies the encrypted bytes: the live path of BackupService rests on this.
        secretDatabase(dataDir, ";CIPHER=AES", "file-password user-password");
        DatabaseFiles encrypted = new DatabaseFiles() {
            @Override
            public DataSource readOnly(Path dir) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(DatabaseFiles.readOnlyUrl(dir, ";CIPHER=AES"));
                ds.setUser("sa");
                ds.setPassword("file-password user-password");
                return ds;
            }

            @Override
            public Database open(Path dir) {
                throw new UnsupportedOperationException("not needed here");
            }

            @Override
            public DataSource writable(Path dir) {
                throw new UnsupportedOperationException("not needed here");
            }
        };

        // Never migrated, so V1 is pending: the closed file is copied as it lies on disk.
        Path backup = new BackupService(dataDir, encrypted, MORNING).backupBeforeMigration().orElseThrow().file();

        for (byte[] content : List.of(entry(backup, "db/caredesk.mv.db"),
                entry(dataDir.resolve("h2-live.zip"), "caredesk.mv.db"))) {
            assertThat(content.length).isGreaterThan(4096);
            for (var charset : List.of(StandardCharsets.UTF_8, StandardCharsets.UTF_16BE, StandardCharsets.UTF_16LE)) {
                assertThat(BackupTestData.indexOf(content, "ZQXJ".getBytes(charset))).as(charset.name()).isEqualTo(-1);
                assertThat(BackupTestData.indexOf(content, "绝密".getBytes(charset))).as(charset.name()).isEqualTo(-1);
            }
        }
        assertThat(new IntegrityCheck(encrypted).check(dataDir).rowCounts()).containsEntry("SECRET_NOTE", 200L);
    }
}
