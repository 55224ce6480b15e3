package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.db.BackupTestData.at;
import static org.caredesk.db.BackupTestData.names;
import static org.caredesk.db.BackupTestData.people;
import static org.caredesk.db.BackupTestData.register;
import static org.caredesk.db.BackupTestData.sha256;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caredesk.db.IntegrityCheckResult.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rebuild from rows (decision 0017): the 1-in-300 count disagreement of the crash harness cannot be made on
 * demand, so these tests hold what the rebuild must do with any file: keep every row, keep the encryption, swap
 * only a file that checks out with the rows the old one let be read, and leave nothing behind.
 */
class RowRebuildTest {
    private static final Clock CLOCK = at("2025-03-01T08:30:00");
    private static final int PEOPLE = 40;

    @TempDir
    Path dataDir;

    private List<String> registerPeople(Database db) {
        var service = people(db, CLOCK);
        for (int i = 0; i < PEOPLE; i++) {
            register(service, "重建" + (char) ('甲' + i), i);
        }
        return names(service);
    }

    /** What the check reads of a healthy file, with the history table the rebuild also compares. */
    private Map<String, Long> rowsOf(DatabaseFiles files) {
        IntegrityCheckResult ok = new IntegrityCheck(files).check(dataDir);
        assertThat(ok.status()).isEqualTo(Status.OK);
        Map<String, Long> rows = new LinkedHashMap<>(ok.rowCounts());
        rows.put(IntegrityCheck.SCHEMA_HISTORY, 6L);
        return rows;
    }

    @Test
    void aRebuiltFile_holdsEveryRow_passesTheCheck_andLeavesNoScriptBehind() throws Exception {
        List<String> before;
        try (Database db = Database.openFile(dataDir)) {
            before = registerPeople(db);
        }
        Path file = DatabaseFiles.databaseFile(dataDir);
        String oldHash = sha256(file);
        Map<String, Long> rows = rowsOf(DatabaseFiles.plain());

        Optional<IntegrityCheckResult> rebuilt = RowRebuild.rebuild(dataDir, DatabaseFiles.plain(), rows);

        assertThat(rebuilt).isPresent();
        assertThat(rebuilt.get().rowCounts()).containsEntry("PERSON", (long) PEOPLE);
        assertThat(sha256(file)).as("a new file is in place").isNotEqualTo(oldHash);
        assertThat(new IntegrityCheck(DatabaseFiles.plain()).check(dataDir).status())
                .as("no size note is left to call the smaller file cut off").isEqualTo(Status.OK);
        try (Database db = Database.openFile(dataDir)) {
            assertThat(names(people(db, CLOCK))).isEqualTo(before);
            register(people(db, CLOCK), "重建后新登记", PEOPLE + 1);
        }
        try (var tmp = Files.list(dataDir.resolve("tmp"))) {
            assertThat(tmp.toList()).as("the staging folder and its script are gone").isEmpty();
        }
    }

    @Test
    void anEncryptedFile_isRebuiltEncrypted_withTheSameKey() throws Exception {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) 7);
        List<String> before;
        try (Database db = Database.createEncrypted(dataDir, key)) {
            before = registerPeople(db);
        }
        DatabaseFiles files = DatabaseFiles.encrypted(key);

        assertThat(RowRebuild.rebuild(dataDir, files, rowsOf(files))).isPresent();

        Path file = DatabaseFiles.databaseFile(dataDir);
        assertThat(Database.isEncrypted(dataDir)).isTrue();
        assertThat(BackupTestData.indexOf(Files.readAllBytes(file), "重建".getBytes(StandardCharsets.UTF_8)))
                .as("no name in the clear").isNegative();
        try (Database db = Database.openEncrypted(dataDir, key)) {
            assertThat(names(people(db, CLOCK))).isEqualTo(before);
        }
    }

    @Test
    void aRebuildThatDoesNotHoldTheRowsRead_isNotSwappedIn() throws Exception {
        List<String> before;
        try (Database db = Database.openFile(dataDir)) {
            before = registerPeople(db);
        }
        Path file = DatabaseFiles.databaseFile(dataDir);
        // The script is written through a read-write open, which touches the file; the file itself must stay.
        Object oldFile = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
        Map<String, Long> rows = rowsOf(DatabaseFiles.plain());
        rows.put("PERSON", PEOPLE + 1L);

        assertThat(RowRebuild.rebuild(dataDir, DatabaseFiles.plain(), rows)).isEmpty();

        assertThat(Files.readAttributes(file, BasicFileAttributes.class).fileKey()).isEqualTo(oldFile);
        assertThat(Files.exists(dataDir.resolve(DatabaseFiles.SIZE_NOTE))).as("the old note stays with the old file")
                .isTrue();
        try (Database db = Database.openFile(dataDir)) {
            assertThat(names(people(db, CLOCK))).isEqualTo(before);
        }
    }
}
