package org.caredesk.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts a backup back. Every backup is first unpacked into a temporary folder inside the data folder and checked
 * there (the zip's checksums, the integrity check, a working open with the migrations, the extra checks such as
 * the audit chain); only a backup that passes replaces the database, and the database it replaces is moved aside
 * into {@code replaced-yyyyMMdd-HHmmss/}, never deleted.
 */
public final class RestoreService {
    private static final Logger LOG = LoggerFactory.getLogger(RestoreService.class);
    /** How many backups, newest first, the search for a usable one tries before it gives up. */
    static final int MAX_TRIED = 10;

    /** A further check of an unpacked, opened backup; a present result is a problem sentence for the user. */
    @FunctionalInterface
    public interface ExtraCheck {
        Optional<String> check(Database backup);
    }

    private final Path dataDir;
    private final DatabaseFiles files;
    private final Clock clock;
    private final List<ExtraCheck> checks;

    public RestoreService(Path dataDir, DatabaseFiles files, Clock clock, List<ExtraCheck> checks) {
        this.dataDir = dataDir;
        this.files = files;
        this.clock = clock;
        this.checks = List.copyOf(checks);
    }

    public RestoreService(Path dataDir, DatabaseFiles files, Clock clock) {
        this(dataDir, files, clock, List.of());
    }

    /** The same service with one more check (the audit chain, say). */
    public RestoreService withCheck(ExtraCheck check) {
        List<ExtraCheck> all = new ArrayList<>(checks);
        all.add(check);
        return new RestoreService(dataDir, files, clock, all);
    }

    public RestoreReport inspect(Path backup) {
        return inspect(backup, Progress.NONE);
    }

    /**
     * Checks a backup without touching the database. A file that is not a backup, or is damaged or changed, is
     * refused with a {@link UserException}; a backup that unpacks but fails a check comes back with problems.
     */
    public RestoreReport inspect(Path backup, Progress progress) {
        Path work = workFolder("inspect");
        try {
            return unpackAndCheck(backup, work, progress);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    public RestoreResult restore(Path backup) {
        return restore(backup, Progress.NONE);
    }

    /**
     * Replaces the database with a backup that passes {@link #inspect}. The database must be closed; the caller
     * opens it again afterwards. Cancelling is honoured until the files are swapped.
     */
    public RestoreResult restore(Path backup, Progress progress) {
        ensureDatabaseClosed();
        Path work = workFolder("restore");
        try {
            RestoreReport report = unpackAndCheck(backup, work, progress);
            if (!report.ok()) {
                throw new UserException("restore.error.notUsable", backup.getFileName().toString(),
                        report.problems().get(0));
            }
            cancelIfAsked(progress);
            progress.message(I18n.get("restore.progress.replacing"));
            Path aside = swap(work);
            LOG.info("Restored {} (made {}, {}); the replaced database is in {}", backup, report.created(),
                    report.rowCounts(), aside);
            return new RestoreResult(report, aside);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }

    /** The backups in the data folder and the extra folder, newest first. */
    public List<Path> backups() {
        Set<Path> all = new LinkedHashSet<>(BackupFiles.list(BackupService.backupFolder(dataDir)));
        BackupSettings.load(dataDir).extraFolder().ifPresent(f -> all.addAll(BackupFiles.list(f)));
        List<Path> sorted = new ArrayList<>(all);
        sorted.sort(BackupFiles.NEWEST_FIRST);
        return sorted;
    }

    /** The newest backup that passes inspection, trying at most {@value #MAX_TRIED}. */
    public Optional<RestoreReport> newestGoodBackup() {
        List<Path> candidates = backups();
        for (Path b : candidates.subList(0, Math.min(MAX_TRIED, candidates.size()))) {
            try {
                RestoreReport r = inspect(b);
                if (r.ok()) {
                    return Optional.of(r);
                }
                LOG.warn("Backup {} is not usable: {}", b, r.problems());
            } catch (UserException e) {
                LOG.warn("Backup {} is not usable: {}", b, e.getMessage());
            }
        }
        return Optional.empty();
    }

    private RestoreReport unpackAndCheck(Path backup, Path work, Progress progress) {
        String name = backup.getFileName().toString();
        progress.message(I18n.get("restore.progress.unpacking", name));
        BackupArchive.Manifest manifest;
        try {
            Files.createDirectories(work);
            manifest = BackupArchive.extract(backup, work);
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, dataDir);
        }
        cancelIfAsked(progress);
        progress.message(I18n.get("restore.progress.checking", name));
        IntegrityCheckResult integrity = new IntegrityCheck(files).check(work);
        if (integrity.status() != IntegrityCheckResult.Status.OK) {
            return new RestoreReport(backup, manifest.created(), integrity.rowCounts(), integrity.schemaVersion(),
                    List.of(I18n.get("restore.problem.damaged", name)));
        }
        cancelIfAsked(progress);
        List<String> problems = new ArrayList<>();
        try (Database db = files.open(work)) {
            for (ExtraCheck check : checks) {
                try {
                    check.check(db).ifPresent(problems::add);
                } catch (RuntimeException e) {
                    LOG.warn("A check of backup {} failed", backup, e);
                    problems.add(I18n.get("restore.problem.checkFailed", name));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Backup {} does not open", backup, e);
            problems.add(I18n.get("restore.problem.cannotOpen", name));
        }
        return new RestoreReport(backup, manifest.created(), integrity.rowCounts(), integrity.schemaVersion(),
                problems);
    }

    /**
     * Moves the current files aside and the checked ones into place, following a journal written before the first
     * rename ({@link RestoreJournal}): on a failure here everything goes back; a crash is finished or undone at
     * the next start.
     */
    private Path swap(Path work) {
        Path aside = freshFolder(dataDir, "replaced-" + BackupFiles.STAMP.format(LocalDateTime.now(clock)));
        RestoreJournal journal;
        try {
            journal = RestoreJournal.begin(dataDir, aside, work);
        } catch (IOException e) {
            BackupFiles.deleteQuietly(RestoreJournal.file(dataDir));
            throw BackupFiles.writeFailure(e, dataDir);
        }
        try {
            journal.forward();
            return aside;
        } catch (IOException e) {
            try {
                journal.undo();
            } catch (IOException again) {
                LOG.error("Could not undo a failed restore; the next start tries again", again);
            }
            throw BackupFiles.writeFailure(e, dataDir);
        }
    }

    /**
     * The program keeps the database file locked while it is open (as H2 does), so a lock we can take here
     * means no one is using it; replacing an open database would lose what it writes next.
     */
    private void ensureDatabaseClosed() {
        Path file = DatabaseFiles.databaseFile(dataDir);
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new UserException("restore.error.databaseOpen");
            }
            lock.release();
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, file.getParent());
        }
    }

    private Path workFolder(String purpose) {
        return dataDir.resolve("tmp").resolve(purpose + "-" + UUID.randomUUID());
    }

    private static Path freshFolder(Path parent, String base) {
        Path p = parent.resolve(base);
        for (int n = 2; Files.exists(p); n++) {
            p = parent.resolve(base + "-" + n);
        }
        return p;
    }

    private static void cancelIfAsked(Progress progress) {
        if (progress.isCancelled()) {
            throw new CancellationException("restore cancelled");
        }
    }
}
