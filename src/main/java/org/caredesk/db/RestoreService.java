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
    /** The data folder's own database; null for a folder that has none yet (a new PC). */
    private final DatabaseFiles files;
    private final Clock clock;
    private final List<ExtraCheck> checks;
    /** Null only for the unencrypted folders of the tests, whose backups carry no key ring. */
    private final BackupKey key;
    private final boolean otherCommunityAllowed;

    public RestoreService(Path dataDir, DatabaseFiles files, Clock clock, List<ExtraCheck> checks) {
        this(dataDir, files, clock, checks, null, false);
    }

    private RestoreService(Path dataDir, DatabaseFiles files, Clock clock, List<ExtraCheck> checks, BackupKey key,
            boolean otherCommunityAllowed) {
        this.dataDir = dataDir;
        this.files = files;
        this.clock = clock;
        this.checks = List.copyOf(checks);
        this.key = key;
        this.otherCommunityAllowed = otherCommunityAllowed;
    }

    public RestoreService(Path dataDir, DatabaseFiles files, Clock clock) {
        this(dataDir, files, clock, List.of());
    }

    /**
     * Restores into a folder without a database of its own (a new PC, or one whose key ring is lost): the backup is
     * opened only with {@code key}, a user's password.
     */
    public static RestoreService intoFolderWithoutKey(Path dataDir, Clock clock, BackupKey key) {
        return new RestoreService(dataDir, null, clock, List.of(), key, false);
    }

    /** The same service with one more check (the audit chain, say). */
    public RestoreService withCheck(ExtraCheck check) {
        List<ExtraCheck> all = new ArrayList<>(checks);
        all.add(check);
        return new RestoreService(dataDir, files, clock, all, key, otherCommunityAllowed);
    }

    /** The same service opening backups with {@code backupKey}, which every encrypted folder needs. */
    public RestoreService withKey(BackupKey backupKey) {
        return new RestoreService(dataDir, files, clock, checks, backupKey, otherCommunityAllowed);
    }

    /**
     * The same service letting the backup of another community replace this folder's data (the command line's
     * {@code --other-community}); without it such a backup is refused with a sentence naming both communities.
     */
    public RestoreService allowingOtherCommunity() {
        return new RestoreService(dataDir, files, clock, checks, key, true);
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
            removeIfEmpty(aside);
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

    /**
     * Opens the backup's key ring and checks the manifest's signature before anything is written; then unpacks
     * (every file against its hash in the manifest) and checks the database.
     */
    private RestoreReport unpackAndCheck(Path backup, Path work, Progress progress) {
        String name = backup.getFileName().toString();
        BackupArchive.Head head = BackupArchive.head(backup);
        BackupManifest signed = head.manifest();
        List<String> notes = new ArrayList<>();
        byte[] backupKey = null;
        try {
            DatabaseFiles backupFiles;
            if (key == null) {
                if (files == null || files.fileKey().isPresent()) {
                    throw new IllegalStateException("A restore into an encrypted folder needs a BackupKey");
                }
                backupFiles = files;
            } else {
                backupKey = unlockSigned(head, name);
                if (signed.unsignedFormat()) {
                    // Made before signatures: the key ring opened and the database must open with its key below.
                    notes.add(I18n.get("restore.note.unsigned", name));
                }
                backupFiles = DatabaseFiles.encrypted(backupKey);
            }
            progress.message(I18n.get("restore.progress.unpacking", name));
            BackupManifest manifest;
            try {
                Files.createDirectories(work);
                manifest = BackupArchive.extract(backup, work);
            } catch (IOException e) {
                throw BackupFiles.writeFailure(e, dataDir);
            }
            if (!manifest.equals(signed) || !sameKeyRing(work, head.keyRing())) {
                // The file changed between the two readings.
                throw new UserException("restore.error.damaged", name);
            }
            cancelIfAsked(progress);
            if (key != null && signed.unsignedFormat()) {
                keepOwnKeyRing(work, backupKey);
            }
            return check(backup, work, manifest, backupFiles, otherFolder(backupKey), notes, progress);
        } finally {
            if (backupKey != null) {
                java.util.Arrays.fill(backupKey, (byte) 0);
            }
        }
    }

    /**
     * Opens the backup's key ring and checks the manifest's signature, writing nothing: a wrong password or a changed
     * backup is said before the data folder is touched (a new PC's folder is not even created).
     */
    public void checkKey(Path backup) {
        if (key == null) {
            return;
        }
        java.util.Arrays.fill(unlockSigned(BackupArchive.head(backup), backup.getFileName().toString()), (byte) 0);
    }

    /** The backup's file key, once its key ring opened and its manifest's signature (format 2 on) holds. */
    private byte[] unlockSigned(BackupArchive.Head head, String name) {
        byte[] ring = head.keyRing().orElseThrow(() -> new UserException("restore.error.noKeyRing", name));
        byte[] backupKey = unlock(ring, head.manifest(), name);
        if (!head.manifest().unsignedFormat() && !head.manifest().signedWith(backupKey)) {
            java.util.Arrays.fill(backupKey, (byte) 0);
            throw new UserException("restore.error.notSigned", name);
        }
        return backupKey;
    }

    private static boolean sameKeyRing(Path work, Optional<byte[]> checked) {
        Path ring = work.resolve(DatabaseFiles.KEY_RING);
        try {
            return checked.isEmpty() ? !Files.exists(ring)
                    : Files.isRegularFile(ring) && java.util.Arrays.equals(Files.readAllBytes(ring), checked.get());
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, work);
        }
    }

    /** The backup's file key from its own key ring; a backup without one could only lock everyone out. */
    private byte[] unlock(byte[] ring, BackupManifest manifest, String name) {
        Optional<byte[]> opened = key.open(ring);
        if (opened.isPresent()) {
            return opened.get();
        }
        // Another folder's key: the name in the manifest is not proven yet, but it is only said, not trusted.
        Optional<BackupManifest.CommunityRef> current = currentCommunity();
        if (manifest.community().isPresent() && current.isPresent()
                && !manifest.community().get().id().equals(current.get().id())) {
            throw new UserException("restore.error.otherCommunity", manifest.community().get().name(),
                    current.get().name());
        }
        throw new UserException("restore.error.otherFolder", name);
    }

    /**
     * An unsigned backup's key ring may have been edited, and the folder's key alone cannot tell (a password would):
     * when the backup has this folder's key, the folder keeps its own key ring, which opens the restored database.
     */
    private void keepOwnKeyRing(Path work, byte[] backupKey) {
        Path own = dataDir.resolve(DatabaseFiles.KEY_RING);
        if (files == null || files.fileKey().isEmpty() || otherFolder(backupKey) || !Files.isRegularFile(own)) {
            return;
        }
        try {
            Files.copy(own, work.resolve(DatabaseFiles.KEY_RING), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw BackupFiles.writeFailure(e, dataDir);
        }
    }

    /** Whether the backup's key differs from this folder's own: then it is another folder's backup. */
    private boolean otherFolder(byte[] backupKey) {
        if (backupKey == null || files == null) {
            return false;
        }
        Optional<byte[]> own = files.fileKey();
        return own.isPresent() && !java.security.MessageDigest.isEqual(own.get(), backupKey);
    }

    /** The community of this folder's database, read-only; none when it has no database or it does not open. */
    private Optional<BackupManifest.CommunityRef> currentCommunity() {
        if (files == null || !Files.exists(DatabaseFiles.databaseFile(dataDir))) {
            return Optional.empty();
        }
        try {
            return BackupService.facts(files.readOnly(dataDir)).community();
        } catch (RuntimeException e) {
            LOG.warn("The community of {} could not be read", dataDir, e);
            return Optional.empty();
        }
    }

    private RestoreReport check(Path backup, Path work, BackupManifest manifest, DatabaseFiles backupFiles,
            boolean otherFolder, List<String> notes, Progress progress) {
        String name = backup.getFileName().toString();
        progress.message(I18n.get("restore.progress.checking", name));
        IntegrityCheckResult integrity = new IntegrityCheck(backupFiles).check(work);
        if (integrity.status() != IntegrityCheckResult.Status.OK) {
            return new RestoreReport(backup, manifest.created(), integrity.rowCounts(), integrity.schemaVersion(),
                    List.of(I18n.get("restore.problem.damaged", name)), notes, false);
        }
        cancelIfAsked(progress);
        List<String> problems = new ArrayList<>();
        boolean otherCommunity = false;
        try (Database db = backupFiles.open(work)) {
            for (ExtraCheck check : checks) {
                try {
                    check.check(db).ifPresent(problems::add);
                } catch (RuntimeException e) {
                    LOG.warn("A check of backup {} failed", backup, e);
                    problems.add(I18n.get("restore.problem.checkFailed", name));
                }
            }
            if (otherFolder) {
                otherCommunity = compareCommunities(BackupService.facts(db.dataSource()).community(), problems,
                        notes);
            }
        } catch (RuntimeException e) {
            LOG.warn("Backup {} does not open", backup, e);
            problems.add(I18n.get("restore.problem.cannotOpen", name));
        }
        return new RestoreReport(backup, manifest.created(), integrity.rowCounts(), integrity.schemaVersion(),
                problems, notes, otherCommunity);
    }

    /** Another folder's backup, opened with a password: it must be of this folder's community, or allowed. */
    private boolean compareCommunities(Optional<BackupManifest.CommunityRef> theirs, List<String> problems,
            List<String> notes) {
        Optional<BackupManifest.CommunityRef> ours = currentCommunity();
        if (theirs.isEmpty() || ours.isEmpty() || theirs.get().id().equals(ours.get().id())) {
            return false;
        }
        if (otherCommunityAllowed) {
            notes.add(I18n.get("restore.note.otherCommunity", theirs.get().name(), ours.get().name()));
        } else {
            problems.add(I18n.get("restore.error.otherCommunity", theirs.get().name(), ours.get().name()));
        }
        return true;
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

    /** A folder that had nothing to replace (a new PC) keeps no empty {@code replaced-…} folder. */
    private static void removeIfEmpty(Path aside) {
        try (var entries = Files.list(aside)) {
            if (entries.findAny().isEmpty()) {
                Files.delete(aside);
            }
        } catch (IOException e) {
            LOG.debug("Could not tidy {}", aside, e);
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
