package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.db.BackupTestData.at;
import static org.caredesk.db.BackupTestData.people;
import static org.caredesk.db.BackupTestData.register;
import static org.caredesk.db.BackupTestData.sha256;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.caredesk.db.IntegrityCheckResult.Status;
import org.caredesk.people.service.PersonService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IntegrityCheckTest {
    private static final Clock CLOCK = at("2025-03-01T08:30:00");
    private static final int PEOPLE = 60;

    @TempDir
    Path dataDir;
    private Path file;

    @BeforeEach
    void aClosedDatabaseWithPeople() {
        try (Database db = Database.openFile(dataDir)) {
            PersonService people = people(db, CLOCK);
            for (int i = 0; i < PEOPLE; i++) {
                register(people, "测试" + (char) ('甲' + i), i);
            }
        }
        file = DatabaseFiles.databaseFile(dataDir);
    }

    private IntegrityCheck check() {
        return new IntegrityCheck(DatabaseFiles.plain());
    }

    /** What must not change when the check runs: the bytes, the time stamp and the files beside it. */
    private record Untouched(String hash, FileTime modified, List<String> folder) {}

    private Untouched snapshot() throws IOException {
        return new Untouched(sha256(file), Files.getLastModifiedTime(file),
                BackupTestData.filesUnder(file.getParent()));
    }

    /**
     * Cuts the file off in the middle of the stored rows. (Cutting off only the end of a closed file can remove
     * nothing but free space, which is no damage.)
     */
    private void cutThroughTheRows() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        int at = BackupTestData.indexOf(bytes, BackupTestData.idNumber(PEOPLE / 2).getBytes(StandardCharsets.UTF_8));
        assertThat(at).as("the ID number is stored in the file").isPositive();
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(at);
        }
    }

    /**
     * Overwrites the bytes in front of every copy of one person's ID number (the row and its index entry) with
     * 0xFF, as a failing disk sector or a stray write would.
     */
    private void overwriteRows() throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        byte[] marker = BackupTestData.idNumber(PEOPLE / 2).getBytes(StandardCharsets.UTF_8);
        int hits = 0;
        for (int at = BackupTestData.indexOf(bytes, marker); at >= 0;
                at = indexFrom(bytes, marker, at + marker.length)) {
            Arrays.fill(bytes, Math.max(0, at - 24), at + 4, (byte) 0xFF);
            hits++;
        }
        assertThat(hits).as("the ID number is stored in the file").isPositive();
        Files.write(file, bytes);
    }

    private static int indexFrom(byte[] haystack, byte[] needle, int from) {
        int at = BackupTestData.indexOf(Arrays.copyOfRange(haystack, from, haystack.length), needle);
        return at < 0 ? -1 : at + from;
    }

    @Test
    void aHealthyDatabase_passes_andIsNotWrittenTo() throws IOException {
        Untouched before = snapshot();

        IntegrityCheckResult result = check().check(dataDir);

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.rowCounts()).containsEntry("PERSON", (long) PEOPLE)
                .containsEntry("PERSON_CATEGORY", (long) PEOPLE).containsEntry("COMMUNITY", 0L)
                .doesNotContainKey(IntegrityCheck.SCHEMA_HISTORY);
        assertThat(result.schemaVersion()).contains(BackupTestData.latestMigration());
        assertThat(result.message()).isEqualTo("数据库检查通过，共有 60 个人员档案。");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aNewDataFolder_hasNoDatabaseYet() throws IOException {
        Path empty = Files.createDirectories(dataDir.resolve("new"));

        IntegrityCheckResult result = check().check(empty);

        assertThat(result.status()).isEqualTo(Status.NO_DATABASE);
        assertThat(empty.resolve("db")).doesNotExist();
    }

    @Test
    void aCutOffFile_isDamaged_andKeptAsItIs() throws IOException {
        cutThroughTheRows();
        Untouched before = snapshot();

        IntegrityCheckResult result = check().check(dataDir);

        assertThat(result.damaged()).isTrue();
        assertThat(result.detail()).isNotBlank();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void overwrittenRows_areFound_andTheFileIsKeptAsItIs() throws IOException {
        overwriteRows();
        Untouched before = snapshot();

        IntegrityCheckResult result = check().check(dataDir);

        assertThat(result.damaged()).as(result.toString()).isTrue();
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void aFileThatIsNotADatabase_orIsEmpty_isDamaged() throws IOException {
        Files.writeString(file, "这不是数据库，只是一段文字。");
        assertThat(check().check(dataDir).damaged()).isTrue();

        Files.write(file, new byte[0]);
        assertThat(check().check(dataDir).damaged()).isTrue();
        assertThat(file).isEmptyFile();
    }

    @Test
    void atStart_aDamagedDatabase_isOfferedTheNewestBackupThatPasses() throws IOException {
        Path folder = BackupService.backupFolder(dataDir);
        try (Database db = Database.openFile(dataDir)) {
            new BackupService(dataDir, DatabaseFiles.plain(), at("2025-03-01T09:00:00")).backupNow(db);
            register(people(db, CLOCK), "新来的", PEOPLE);
            new BackupService(dataDir, DatabaseFiles.plain(), at("2025-03-02T09:00:00")).backupNow(db);
        }
        Files.writeString(folder.resolve("caredesk-20250303-090000.zip"), "a backup that was cut off");
        overwriteRows();
        Untouched before = snapshot();

        IntegrityCheckResult result = check().checkAtStart(dataDir,
                new RestoreService(dataDir, DatabaseFiles.plain(), CLOCK));

        assertThat(result.damaged()).isTrue();
        assertThat(result.offer()).isPresent();
        assertThat(result.offer().get().file().getFileName()).hasToString("caredesk-20250302-090000.zip");
        assertThat(result.message()).isEqualTo("数据库文件已损坏，程序没有改动它。最新的可用备份是"
                + "“caredesk-20250302-090000.zip”（2025-03-02 09:00 备份，有 61 个人员档案）。是否用这个备份恢复？");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void atStart_withoutAUsableBackup_theMessageSaysSo() throws IOException {
        cutThroughTheRows();

        IntegrityCheckResult result = check().checkAtStart(dataDir,
                new RestoreService(dataDir, DatabaseFiles.plain(), CLOCK));

        assertThat(result.offer()).isEmpty();
        assertThat(result.message()).startsWith("数据库文件已损坏，程序没有改动它，也没有找到可用的备份。");
    }

    @Test
    void atStart_aHealthyDatabase_looksForNoBackup() {
        IntegrityCheckResult result = check().checkAtStart(dataDir, new RestoreService(dataDir,
                DatabaseFiles.plain(), CLOCK));

        assertThat(result.status()).isEqualTo(Status.OK);
        assertThat(result.offer()).isEmpty();
    }

    @Test
    void tablesHaveNamesPeopleCanRead_andNewOnesKeepTheirOwn() {
        assertThat(IntegrityCheck.tableLabel("PERSON")).isEqualTo("人员档案");
        assertThat(IntegrityCheck.tableLabel("SOMETHING_NEW")).isEqualTo("SOMETHING_NEW");
    }
}
