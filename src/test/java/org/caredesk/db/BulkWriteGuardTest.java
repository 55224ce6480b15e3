package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.people.service.PersonService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last line of defence (issue 18; docs/decisions/0017): a safety copy and a marker before a bulk write; when the
 * program stopped in the middle and the database then fails the check, the start offers that copy and says which
 * write is lost.
 */
class BulkWriteGuardTest {
    @TempDir
    Path dataDir;

    private final Clock clock = BackupTestData.at("2026-11-20T10:00:00");

    @Test
    void aWriteThatEnded_leavesNoMarker_andOnlyTheNewestCopy() throws Exception {
        try (Database db = Database.openFile(dataDir)) {
            BackupTestData.register(BackupTestData.people(db, clock), "王一", 1);
            BulkWriteGuard guard = new BulkWriteGuard(dataDir, () -> db, DatabaseFiles::plain, clock);
            BulkWriteGuard.Running first = guard.begin(BulkWriteKind.IMPORT, "名单.xlsx", 2_000);
            assertThat(first.copy()).exists();
            assertThat(BulkWriteGuard.interrupted(dataDir)).hasValueSatisfying(i -> {
                assertThat(i.kind()).isEqualTo(BulkWriteKind.IMPORT);
                assertThat(i.copy()).isEqualTo(first.copy());
            });
            first.finish();
            assertThat(BulkWriteGuard.interrupted(dataDir)).isEmpty();

            BulkWriteGuard later = new BulkWriteGuard(dataDir, () -> db, DatabaseFiles::plain,
                    BackupTestData.at("2026-11-21T10:00:00"));
            BulkWriteGuard.Running second = later.begin(BulkWriteKind.GENERATE, null, 10);
            second.finish();
            try (var files = Files.list(dataDir.resolve(BulkWriteGuard.SAFETY_FOLDER))) {
                assertThat(files.toList()).containsExactly(second.copy());
            }
        }
    }

    @Test
    void anInterruptedWrite_thenADamagedDatabase_offersTheSafetyCopy_sayingWhatIsLost() throws Exception {
        Path copy;
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = BackupTestData.people(db, clock);
            for (int i = 0; i < 20; i++) {
                BackupTestData.register(people, "王" + i, i);
            }
            copy = new BulkWriteGuard(dataDir, () -> db, DatabaseFiles::plain, clock)
                    .begin(BulkWriteKind.IMPORT, "名单.xlsx", 2_000).copy();
        }
        // The program died during the write and the file is damaged.
        Files.writeString(DatabaseFiles.databaseFile(dataDir), "no longer a database");

        IntegrityCheckResult result = new IntegrityCheck(DatabaseFiles.plain())
                .checkAtStart(dataDir, new RestoreService(dataDir, DatabaseFiles.plain(), clock));

        assertThat(result.damaged()).isTrue();
        assertThat(result.offer()).hasValueSatisfying(r -> {
            assertThat(r.file()).isEqualTo(copy);
            assertThat(r.people()).isEqualTo(20);
        });
        assertThat(result.message()).startsWith("上次导入（文件 名单.xlsx，2000 行）在写入时中断")
                .contains(copy.getFileName().toString());
    }

    @Test
    void anInterruptedWrite_withAHealthyDatabase_offersNothing() throws Exception {
        try (Database db = Database.openFile(dataDir)) {
            BackupTestData.register(BackupTestData.people(db, clock), "王一", 1);
            new BulkWriteGuard(dataDir, () -> db, DatabaseFiles::plain, clock)
                    .begin(BulkWriteKind.IMPORT, "名单.xlsx", 2_000);
        }

        IntegrityCheckResult result = new IntegrityCheck(DatabaseFiles.plain())
                .checkAtStart(dataDir, new RestoreService(dataDir, DatabaseFiles.plain(), clock));

        assertThat(result.status()).isEqualTo(IntegrityCheckResult.Status.OK);
        assertThat(result.offer()).isEmpty();
    }
}
