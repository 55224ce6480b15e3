package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.db.BackupService;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.RestoreReport;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.security.Role;
import org.caredesk.security.TestSessions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the login does between the password and the first write: the integrity check (a damaged database is not
 * opened, migrated or backed up, and the newest good backup is offered) and the backup before a migration.
 */
class StartChecksTest {
    static final String PW = "Gate-keeper7";

    @TempDir
    Path dataDir;
    private final MutableClock clock = MutableClock.morning();
    private Login login;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.CHINESE);
        login = new Login(1_000, clock);
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();
    }

    static void register(AppContext ctx, String name) {
        String first17 = "11010519700101" + String.format("%03d", ctx.people().count() + 1);
        ctx.people().register(PersonDraft.minimal(name, first17 + IdNumber.checkChar(first17),
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    /** Runs SQL on the closed, encrypted database of a data folder, behind the program's back. */
    static void sql(Login login, Path dataDir, String... statements) {
        try (SessionKey key = login.unlock(dataDir, "admin", PW.toCharArray());
             Database db = key.databaseFiles().open(dataDir);
             Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private AppContext open() {
        return login.open(dataDir, "admin", PW.toCharArray()).ctx();
    }

    private static List<AuditEntry> entries(AppContext ctx) {
        List<AuditEntry> all = new ArrayList<>();
        new AuditLog(ctx.database().dsl(), new AuditRepository(), ctx.clock(), TestSessions.with(Role.AUDITOR))
                .forEachMatching(AuditQuery.all(), all::add);
        return all;
    }

    /**
     * Overwrites everything after the file's two 4 KB header blocks, as a failing disk would: no stored page of the
     * encrypted file decrypts to anything H2 can read.
     */
    static void damage(Path dataDir) {
        Path file = DatabaseFiles.databaseFile(dataDir);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            byte[] junk = new byte[(int) f.length() - 8192];
            java.util.Arrays.fill(junk, (byte) 0x5A);
            f.seek(8192);
            f.write(junk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What must stay as it is: the database file's bytes and time stamp, and the files of the folder. */
    record Untouched(String hash, FileTime modified, List<String> files) {
        static Untouched of(Path dataDir) {
            Path file = DatabaseFiles.databaseFile(dataDir);
            try (Stream<Path> all = Files.walk(dataDir)) {
                List<String> names = all.filter(Files::isRegularFile)
                        .map(p -> dataDir.relativize(p).toString()).filter(n -> !n.startsWith("logs")).sorted()
                        .toList();
                return new Untouched(sha256(file), Files.getLastModifiedTime(file), names);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCurrentDatabase_opensWithoutABackup() {
        try (AppContext ctx = open()) {
            register(ctx, "陈静");
        }
        try (AppContext ctx = open()) {
            assertThat(ctx.people().count()).isEqualTo(1);
        }
        assertThat(BackupService.backupFolder(dataDir)).doesNotExist();
    }

    @Test
    void aDatabaseAtAnOlderMigration_isBackedUpAsItWas_beforeTheMigrationRuns() {
        try (AppContext ctx = open()) {
            register(ctx, "陈静");
        }
        // The database now looks as it did before V5 (visits), V6 (the bulk-write journal) and V7 (sent reports).
        sql(login, dataDir, "drop table report_sent_figure", "drop table report_sent",
                "delete from \"flyway_schema_history\" where \"version\" = '7'", "drop index ix_person_bulk_write",
                "alter table person drop column bulk_write_id",
                "drop table bulk_write cascade", "delete from \"flyway_schema_history\" where \"version\" = '6'",
                "drop table incident_notified cascade", "drop table incident cascade",
                "drop table visit_need cascade", "drop table visit_person cascade", "drop table visit cascade",
                "drop table assessment cascade", "drop table colour_change cascade",
                "drop table colour_override cascade", "drop table person_schedule cascade",
                "drop table visit_month cascade", "drop index ix_person_category_release",
                "drop index ix_person_category_drug_start", "drop index ix_person_category_correction_end",
                "delete from \"flyway_schema_history\" where \"version\" = '5'");

        try (AppContext ctx = open()) {
            assertThat(ctx.people().search(PersonQuery.text("陈")).items()).hasSize(1);
            List<AuditEntry> entries = entries(ctx);
            AuditEntry backup = entries.stream().filter(e -> e.action().equals("BACKUP")).findFirst().orElseThrow();
            assertThat(backup.userName()).isEqualTo("system");
            assertThat(backup.detailText()).startsWith("升级数据库结构之前的自动备份");
        }
        List<Path> backups = new BackupService(dataDir, DatabaseFiles.plain(), clock).backups();
        assertThat(backups).singleElement().extracting(p -> p.getFileName().toString())
                .isEqualTo("caredesk-20250602-090000.zip");
        try (SessionKey key = login.unlock(dataDir, "admin", PW.toCharArray())) {
            RestoreReport inside = BackupsModule.restoreService(dataDir, key.databaseFiles(), clock)
                    .inspect(backups.get(0), Progress.NONE);
            assertThat(inside.ok()).as(inside.problems().toString()).isTrue();
            assertThat(inside.schemaVersion()).as("the backup holds the database before the migration").contains("4");
            assertThat(inside.rowCounts()).containsEntry("PERSON", 1L).doesNotContainKey("VISIT");
        }
        try (AppContext ctx = open()) {
            assertThat(new BackupService(dataDir, DatabaseFiles.plain(), clock).backups())
                    .as("once migrated, no more backups at login").hasSize(1);
        }
    }

    @Test
    void aDamagedDatabase_isNotOpened_notMigrated_notBackedUp_andTheNewestGoodBackupIsOffered() {
        try (AppContext ctx = open()) {
            register(ctx, "陈静");
            BackupsModule.service(ctx).backupNow(Progress.NONE);
            register(ctx, "周雨");
        }
        damage(dataDir);
        Untouched before = Untouched.of(dataDir);

        DamagedDatabaseException damaged = (DamagedDatabaseException) catchThrown(this::open);

        try {
            assertThat(Untouched.of(dataDir)).isEqualTo(before);
            assertThat(lockedInThisProgram(DatabaseFiles.databaseFile(dataDir)))
                    .as("the failed read-only open let go of the file, so a restore can move it").isFalse();
            assertThat(damaged.result().damaged()).isTrue();
            RestoreReport offer = damaged.result().offer().orElseThrow();
            assertThat(offer.file().getFileName()).hasToString("caredesk-20250602-090000.zip");
            assertThat(offer.people()).isEqualTo(1);
            assertThat(damaged.result().message()).isEqualTo("数据库文件已损坏，程序没有改动它。最新的可用备份是"
                    + "“caredesk-20250602-090000.zip”（2025-06-02 09:00 备份，有 1 个人员档案）。是否用这个备份恢复？");
            assertThat(damaged.userName()).isEqualTo("admin");

            login.restoreDamaged(damaged, Progress.NONE);
        } finally {
            damaged.close();
        }
        try (AppContext ctx = open()) {
            assertThat(ctx.people().count()).isEqualTo(1);
            AuditEntry last = entries(ctx).stream().filter(e -> e.action().equals("RESTORE")).findFirst()
                    .orElseThrow();
            assertThat(last.userName()).isEqualTo("admin");
            assertThat(last.detailText()).startsWith("数据库损坏，用 2025-06-02 09:00 的备份恢复；损坏的数据库保存在 replaced-");
        }
        try (Stream<Path> aside = Files.list(dataDir)) {
            Path replaced = aside.filter(p -> p.getFileName().toString().startsWith("replaced-")).findFirst()
                    .orElseThrow();
            assertThat(sha256(DatabaseFiles.databaseFile(replaced))).as("the damaged file is kept as it was")
                    .isEqualTo(before.hash());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCommandLine_refusesADamagedDatabase_inOneSentence() {
        damage(dataDir);

        assertThatThrownBy(this::open).isInstanceOfSatisfying(DamagedDatabaseException.class, e -> {
            assertThat(e.localized()).startsWith("数据库文件已损坏，程序没有打开也没有改动它。");
            assertThat(e.result().offer()).isEmpty();
            e.close();
        });
    }

    /** Whether some channel of this JVM still holds a lock on the file (H2 left one after a failed open). */
    static boolean lockedInThisProgram(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                lock.release();
            }
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Throwable catchThrown(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            return e;
        }
        throw new AssertionError("nothing was thrown");
    }
}
