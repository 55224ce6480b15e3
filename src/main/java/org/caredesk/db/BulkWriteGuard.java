package org.caredesk.db;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Supplier;
import org.caredesk.common.I18n;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last line of defence around a large write (docs/decisions/0017). Before the first row is written, a copy of
 * the consistent database is taken into {@code <data>/safety/before-<kind>-<stamp>.zip} (a backup archive, as the
 * backup page makes them) and a marker says that a bulk write is running. When the write ends (or was undone in the
 * same run) the marker goes and only the newest copy stays. A marker found at the next start means the program
 * stopped in the middle; if the database then fails the integrity check, the start offers this copy with one
 * sentence saying what is lost ({@link IntegrityCheck#checkAtStart}). If the check passes, the journal in the
 * database undoes the unfinished write and the marker is cleared.
 *
 * <p>Used by the import, {@code generate} and the demo through {@code PersonService}; the restore may call
 * {@link #begin} the same way (with the database open) before it swaps files.
 */
public final class BulkWriteGuard {
    private static final Logger LOG = LoggerFactory.getLogger(BulkWriteGuard.class);
    /** Folder inside the data folder that holds the safety copy and the marker. */
    public static final String SAFETY_FOLDER = "safety";
    static final String MARKER = "bulk-write.running";
    private static final java.time.format.DateTimeFormatter STAMP =
            java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    /** No copy, no marker: for in-memory databases and tests of the services alone. */
    public static final BulkWriteGuard NONE = new BulkWriteGuard(null, null, null, null);

    /** What the marker of an interrupted write says. */
    public record Interrupted(BulkWriteKind kind, String description, long rows, Path copy, LocalDateTime started) {
        /** One sentence for the user: what was interrupted, and what a return to the copy loses. */
        public String sentence() {
            return I18n.get("bulkWrite.interrupted." + kind.name(), description, String.valueOf(rows));
        }
    }

    /** A write under way: {@link #finish()} once its data is whole again (written or undone). */
    public final class Running {
        private final Path copy;

        private Running(Path copy) {
            this.copy = copy;
        }

        /** The safety copy taken before the write; null for {@link #NONE}. */
        public Path copy() {
            return copy;
        }

        /** Removes the marker and every older safety copy. */
        public void finish() {
            if (dataDir == null) {
                return;
            }
            Path folder = dataDir.resolve(SAFETY_FOLDER);
            try {
                Files.deleteIfExists(folder.resolve(MARKER));
                try (DirectoryStream<Path> old = Files.newDirectoryStream(folder, "before-*.zip")) {
                    for (Path p : old) {
                        if (!p.equals(copy)) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            } catch (IOException e) {
                LOG.warn("Could not tidy the safety folder {}", folder, e);
            }
        }
    }

    private final Path dataDir;
    private final Supplier<Database> live;
    private final Supplier<DatabaseFiles> files;
    private final Clock clock;

    /**
     * @param live  the open database of the folder, copied while it stays usable
     * @param files how the backup code reaches the folder's database (plain or with the file key)
     */
    public BulkWriteGuard(Path dataDir, Supplier<Database> live, Supplier<DatabaseFiles> files, Clock clock) {
        this.dataDir = dataDir;
        this.live = live;
        this.files = files;
        this.clock = clock;
    }

    /**
     * Takes the safety copy and sets the marker; to call after the write was checked and before its first row.
     *
     * @param description what is written, for the sentence after an interruption (an import's file name)
     * @param rows        how many rows the write brings
     * @throws org.caredesk.common.UserException when the copy cannot be written (disk full, read-only folder):
     *     then nothing is written at all
     */
    public Running begin(BulkWriteKind kind, String description, long rows) {
        if (dataDir == null) {
            return new Running(null);
        }
        LocalDateTime now = LocalDateTime.now(clock);
        Path folder = dataDir.resolve(SAFETY_FOLDER);
        Path copy = folder.resolve("before-" + kind.name().toLowerCase(Locale.ROOT) + "-" + STAMP.format(now)
                + ".zip");
        long started = System.nanoTime();
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, folder);
        }
        new BackupService(dataDir, files.get(), clock).backup(live.get(), copy);
        Properties marker = new Properties();
        marker.setProperty("kind", kind.name());
        marker.setProperty("description", description == null ? "" : description);
        marker.setProperty("rows", Long.toString(rows));
        marker.setProperty("copy", copy.getFileName().toString());
        marker.setProperty("started", now.toString());
        try {
            writeAtomically(folder.resolve(MARKER), marker);
        } catch (IOException e) {
            BackupFiles.deleteQuietly(copy);
            throw BackupFiles.writeFailure(e, folder);
        }
        LOG.info("Safety copy before {} ({}, {} rows) in {} ms: {}", kind, description, rows,
                (System.nanoTime() - started) / 1_000_000, copy);
        return new Running(copy);
    }

    /** The marker of a write that did not end, if the folder has one. */
    public static Optional<Interrupted> interrupted(Path dataDir) {
        Path folder = dataDir.resolve(SAFETY_FOLDER);
        Path file = folder.resolve(MARKER);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
            return Optional.of(new Interrupted(BulkWriteKind.valueOf(p.getProperty("kind")),
                    p.getProperty("description", ""), Long.parseLong(p.getProperty("rows", "0")),
                    folder.resolve(Path.of(p.getProperty("copy")).getFileName()),
                    LocalDateTime.parse(p.getProperty("started"))));
        } catch (IOException | RuntimeException e) {
            LOG.warn("The marker {} does not read; ignored", file, e);
            return Optional.empty();
        }
    }

    /**
     * Forgets an interrupted write's marker once the database passed the check and its journal was recovered; the
     * copy stays until the next bulk write replaces it.
     */
    public static void clear(Path dataDir) {
        try {
            Files.deleteIfExists(dataDir.resolve(SAFETY_FOLDER).resolve(MARKER));
        } catch (IOException e) {
            LOG.warn("Could not remove the bulk-write marker in {}", dataDir, e);
        }
    }

    private static void writeAtomically(Path target, Properties values) throws IOException {
        Path part = target.resolveSibling(target.getFileName() + ".part");
        try (Writer out = Files.newBufferedWriter(part, StandardCharsets.UTF_8)) {
            values.store(out, "A bulk write is running (docs/decisions/0017)");
        }
        BackupFiles.force(part);
        BackupFiles.moveIntoPlace(part, target);
    }
}
