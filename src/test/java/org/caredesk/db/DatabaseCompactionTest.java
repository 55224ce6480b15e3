package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file grows without space reuse (decision 0012); closing compacts it once it has grown enough. */
class DatabaseCompactionTest {
    private static final long MB = 1024L * 1024L;

    @TempDir
    Path dataDir;

    @Test
    void aFileThatGrewALot_isCompactedAtClose_withEveryRowKept() throws Exception {
        Path file = dataDir.resolve("db/caredesk.mv.db");
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table filler (id int primary key, k int, s varchar(200))");
            }
            c.setAutoCommit(false);
            try (PreparedStatement p = c.prepareStatement("insert into filler values (?, ?, repeat('x', 100))")) {
                int id = 0;
                // Many commits of a batch each, as an import or generated test data makes them.
                while (Files.size(file) < 48 * MB) {
                    for (int i = 0; i < 1000; i++) {
                        p.setInt(1, id);
                        p.setInt(2, id % 997);
                        p.addBatch();
                        id++;
                    }
                    p.executeBatch();
                    c.commit();
                }
            }
            c.setAutoCommit(true);
        }
        long after = Files.size(file);
        assertThat(after).as("compacted at close").isLessThan(24 * MB);
        assertThat(Files.readString(dataDir.resolve("db/" + Database.COMPACTED_SIZE_FILE)).strip())
                .isEqualTo(Long.toString(after));
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select count(*), max(id) from filler")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(rs.getInt(2) + 1).isGreaterThan(10_000);
        }
    }

    /**
     * Issue 18, finding 2: a kill right after the compaction (before the size note was rewritten) left the note of
     * the larger file, and the start-up check called the healthy, shorter file cut off. The compaction is run by
     * itself here, as a kill right after it leaves it.
     */
    @Test
    void aKillRightAfterTheCompaction_neverMakesTheHealthyFileLookCutOff() throws Exception {
        Path file = dataDir.resolve("db/caredesk.mv.db");
        try (Database db = Database.openFile(dataDir); Connection c = db.dataSource().getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("create table filler (id int primary key, s varchar(200))");
            }
            for (int i = 0; i < 300; i++) {
                try (Statement s = c.createStatement()) {
                    s.execute("insert into filler values (" + i + ", repeat('x', 150))");
                }
            }
        }
        long noted = Long.parseLong(Files.readString(dataDir.resolve(DatabaseFiles.SIZE_NOTE)).strip());
        Database again = Database.openFile(dataDir);
        again.close();
        again.compactNow();
        assertThat(Files.size(file)).as("the compaction shortened the file").isLessThan(noted);

        IntegrityCheckResult check = new IntegrityCheck(DatabaseFiles.plain()).check(dataDir);
        assertThat(check.status()).as(check.detail()).isEqualTo(IntegrityCheckResult.Status.OK);
        assertThat(check.rowCounts()).containsEntry("FILLER", 300L);
    }

    @Test
    void compactionWaitsUntilTheFileHasDoubled_andGrownBy32Megabytes() {
        assertThat(Database.worthCompacting(20 * MB, 0)).isFalse();
        assertThat(Database.worthCompacting(40 * MB, 0)).isTrue();
        assertThat(Database.worthCompacting(150 * MB, 100 * MB)).isFalse();
        assertThat(Database.worthCompacting(201 * MB, 100 * MB)).isTrue();
        assertThat(Database.worthCompacting(60 * MB, 20 * MB)).isTrue();
        assertThat(Database.worthCompacting(45 * MB, 20 * MB)).isFalse();
    }
}
