package org.caredesk.db;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every start does first, the window's and each command's, once it holds the folder's {@link InstanceLock}
 * and before anything looks at the database: a restore's swap cut short is finished or undone, and what
 * interrupted backups and restores left (part files, the work folders in {@code tmp/}, up to a whole unpacked
 * backup) is removed. Holding the lock means no other program of ours is writing them.
 */
public final class FolderStart {
    private static final Logger LOG = LoggerFactory.getLogger(FolderStart.class);
    /** Another PC may share the extra folder (a USB drive): only part files this old are surely abandoned. */
    static final Duration EXTRA_PART_AGE = Duration.ofHours(1);

    /** What the start found of an interrupted restore. */
    public enum Restore { NONE, FINISHED, UNDONE }

    private FolderStart() {}

    /**
     * Whether a folder holds a data folder's own files, so it may get a lock file: a mistyped path must not.
     * A restore cut short may have moved both the database and the key ring aside; its journal counts.
     */
    public static boolean isDataFolder(Path dataDir) {
        return Files.isDirectory(dataDir) && (Files.exists(dataDir.resolve(Database.DB_FOLDER))
                || Files.exists(dataDir.resolve(DatabaseFiles.KEY_RING))
                || Files.exists(RestoreJournal.file(dataDir)));
    }

    /**
     * Finishes or undoes an interrupted restore, then tidies. The caller holds the folder's lock.
     *
     * @throws org.caredesk.common.UserException when an interrupted restore can be neither finished nor undone;
     *     nothing is tidied then, so the work folder it needs stays
     */
    public static Restore prepare(Path dataDir) {
        if (!isDataFolder(dataDir)) {
            // Someone's own folder given by mistake: its tmp/ is not ours to empty.
            return Restore.NONE;
        }
        Restore restore = switch (RestoreJournal.recover(dataDir)) {
            case FINISHED -> Restore.FINISHED;
            case UNDONE -> Restore.UNDONE;
            case NONE -> Restore.NONE;
        };
        tidy(dataDir);
        return restore;
    }

    /** Removes {@code tmp/}'s contents and the part files of the backup folders. */
    static void tidy(Path dataDir) {
        Path tmp = dataDir.resolve("tmp");
        if (Files.isDirectory(tmp)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp)) {
                for (Path entry : entries) {
                    LOG.info("Removing {}, left by an interrupted task", entry);
                    BackupFiles.deleteTree(entry);
                }
            } catch (IOException e) {
                LOG.warn("Cannot tidy {}", tmp, e);
            }
        }
        BackupFiles.deleteTree(dataDir.resolve(RestoreJournal.FILE + ".part"));
        removeParts(BackupService.backupFolder(dataDir), Instant.MAX);
        try {
            BackupSettings.load(dataDir).extraFolder()
                    .ifPresent(f -> removeParts(f, Instant.now().minus(EXTRA_PART_AGE)));
        } catch (RuntimeException e) {
            LOG.warn("Cannot read the backup settings of {} to tidy the extra folder", dataDir, e);
        }
    }

    /** Part files of backups ({@code caredesk-….zip.part}) last written before {@code before}. */
    private static void removeParts(Path folder, Instant before) {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, f -> isBackupPart(f)
                && Files.isRegularFile(f))) {
            for (Path part : parts) {
                if (Files.getLastModifiedTime(part).toInstant().isBefore(before)) {
                    LOG.info("Removing {}, left by an interrupted backup", part);
                    BackupFiles.deleteQuietly(part);
                }
            }
        } catch (IOException e) {
            LOG.warn("Cannot tidy {}", folder, e);
        }
    }

    private static boolean isBackupPart(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(BackupFiles.PART)
                && BackupFiles.isBackupName(file.resolveSibling(name.substring(0, name.length()
                        - BackupFiles.PART.length())));
    }
}
