package org.caredesk.db;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last step before a killed bulk write costs the user the safety copy: the database file is written anew from
 * its rows. In 1 of 300 crash-harness rounds (decision 0017) a kill in an import's write phase left a file whose
 * rows all read and whose undo log rolled back, yet whose table count stayed one above the rows (H2 keeps a map's
 * count in its pages, and a read-write open does not recount). H2's own answer to a file whose structure no longer
 * agrees with its rows is to script the rows out and run the script into a new file; that is what this does, and
 * the new file replaces the old one only when it passes the same check and holds as many rows, table by table, as
 * the old one let the check read. The old file is already kept in {@code safety/} by the caller.
 */
final class RowRebuild {
    private static final Logger LOG = LoggerFactory.getLogger(RowRebuild.class);

    private RowRebuild() {}

    /**
     * Writes the rows of the folder's database into a new file and swaps it in when it checks out.
     *
     * @param rowsRead the rows per table the check could read in the old file (the counts it disagreed with are
     *     not trusted); the new file must hold exactly these
     * @return the new file's check result, when the swap was made
     */
    static Optional<IntegrityCheckResult> rebuild(Path dataDir, DatabaseFiles files, Map<String, Long> rowsRead) {
        Path staging = dataDir.resolve("tmp").resolve("rebuild-" + UUID.randomUUID());
        long started = System.nanoTime();
        try {
            Files.createDirectories(staging);
            Path script = staging.resolve("rows.sql");
            // The script holds every row in the clear unless enciphered; the key lives only for this rebuild.
            String key = HexFormat.of().formatHex(SecureRandom.getInstanceStrong().generateSeed(16));
            String options = " COMPRESSION DEFLATE CIPHER AES PASSWORD " + literal(key);
            // H2 writes a script's file through the database's own file layer, which a read-only open refuses;
            // the caller has opened this file read-write once already (the roll-back), so this adds no new risk.
            try (Connection c = files.writable(dataDir).getConnection(); Statement s = c.createStatement()) {
                s.execute("SCRIPT TO " + literal(script.toAbsolutePath().toString()) + options);
            }
            try (Connection c = files.writable(staging).getConnection(); Statement s = c.createStatement()) {
                s.execute("RUNSCRIPT FROM " + literal(script.toAbsolutePath().toString()) + options);
                s.execute("SHUTDOWN");
            }
            Files.delete(script);
            IntegrityCheckResult rebuilt = new IntegrityCheck(files).check(staging);
            if (rebuilt.status() != IntegrityCheckResult.Status.OK) {
                LOG.warn("The database rebuilt from the rows of {} does not pass the check", dataDir);
                return Optional.empty();
            }
            if (!rebuilt.rowCounts().equals(withoutHistory(rowsRead))) {
                LOG.warn("The database rebuilt from the rows of {} holds {} rows, the old file let {} be read",
                        dataDir, rebuilt.rowCounts(), rowsRead);
                return Optional.empty();
            }
            swapIn(dataDir, staging);
            LOG.info("The database in {} was written anew from its rows in {} ms: {}", dataDir,
                    (System.nanoTime() - started) / 1_000_000, rebuilt.rowCounts());
            return Optional.of(rebuilt);
        } catch (IOException | SQLException | RuntimeException | java.security.NoSuchAlgorithmException e) {
            LOG.warn("Writing the database in {} anew from its rows failed; it stays as it was", dataDir, e);
            return Optional.empty();
        } finally {
            BackupFiles.deleteTree(staging);
        }
    }

    private static Map<String, Long> withoutHistory(Map<String, Long> rows) {
        Map<String, Long> copy = new java.util.LinkedHashMap<>(rows);
        copy.remove(IntegrityCheck.SCHEMA_HISTORY);
        return copy;
    }

    /**
     * The new file is smaller than the size noted at the last close, which would read as "cut off": the notes go
     * before the move. A kill before the move leaves the old file (the start settles it again); after it, the
     * new one.
     */
    private static void swapIn(Path dataDir, Path staging) throws IOException {
        Path file = DatabaseFiles.databaseFile(dataDir);
        Files.deleteIfExists(dataDir.resolve(DatabaseFiles.SIZE_NOTE));
        Files.deleteIfExists(file.resolveSibling(Database.COMPACTED_SIZE_FILE));
        Path rebuilt = DatabaseFiles.databaseFile(staging);
        try {
            Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(rebuilt, file, StandardCopyOption.REPLACE_EXISTING);
        }
        FolderSync.force(file.getParent());
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
