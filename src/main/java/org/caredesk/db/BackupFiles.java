package org.caredesk.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.caredesk.common.UserException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File chores shared by backup and restore: names, listing, rotation, moves that happen in one step, errors. */
final class BackupFiles {
    private static final Logger LOG = LoggerFactory.getLogger(BackupFiles.class);
    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT);
    /** caredesk-20250301-083000.zip, or caredesk-20250301-083000-2.zip for a second one in the same second. */
    private static final Pattern NAME = Pattern.compile("caredesk-(\\d{8})-(\\d{6})(?:-(\\d{1,4}))?\\.zip");
    static final String PART = ".part";

    /** Newest first: by the time in the name, then the sequence number; the file times can lie after a copy. */
    static final Comparator<Path> NEWEST_FIRST = Comparator.comparing(BackupFiles::sortKey).reversed();

    private BackupFiles() {}

    static boolean isBackupName(Path file) {
        return NAME.matcher(file.getFileName().toString()).matches();
    }

    private static String sortKey(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return "";
        }
        String seq = m.group(3) == null ? "1" : m.group(3);
        return m.group(1) + m.group(2) + "0".repeat(4 - seq.length()) + seq;
    }

    static boolean madeOn(Path file, LocalDate day) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        return m.matches() && m.group(1).equals(DAY.format(day));
    }

    /** When a backup was made, read from its name (to the second); empty for a file without a backup name. */
    static java.util.Optional<LocalDateTime> madeAt(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(LocalDateTime.parse(m.group(1) + "-" + m.group(2), STAMP));
        } catch (java.time.format.DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    /** A name for a backup made at {@code time} that no file in the folder has yet. */
    static Path freshName(Path folder, LocalDateTime time) {
        String base = "caredesk-" + STAMP.format(time);
        Path p = folder.resolve(base + ".zip");
        for (int n = 2; Files.exists(p) || Files.exists(partOf(p)); n++) {
            p = folder.resolve(base + "-" + n + ".zip");
        }
        return p;
    }

    static Path partOf(Path target) {
        return target.resolveSibling(target.getFileName() + PART);
    }

    /** The backups in a folder, newest first; none when the folder does not exist or cannot be read. */
    static List<Path> list(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dir = Files.newDirectoryStream(folder, f -> isBackupName(f)
                && Files.isRegularFile(f))) {
            dir.forEach(found::add);
        } catch (IOException e) {
            LOG.warn("Cannot list backups in {}", folder, e);
        }
        found.sort(NEWEST_FIRST);
        return found;
    }

    /** Deletes all but the newest {@code keep} backups of a folder; a file that will not go is left and logged. */
    static List<Path> rotate(Path folder, int keep) {
        List<Path> all = list(folder);
        List<Path> deleted = new ArrayList<>();
        for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
            try {
                Files.deleteIfExists(old);
                deleted.add(old);
            } catch (IOException e) {
                LOG.warn("Cannot delete old backup {}", old, e);
            }
        }
        if (!deleted.isEmpty()) {
            LOG.info("Deleted {} old backups from {} (keeping {})", deleted.size(), folder, keep);
        }
        return deleted;
    }

    /** Flushes a written file to the disk, so a power cut after the move cannot leave a half-written backup. */
    static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Renames a finished file to its final name in one step where the file system can. */
    static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** Copies a finished backup into another folder under the same name, via a part file. */
    static Path copyInto(Path backup, Path folder) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(backup.getFileName().toString());
        Path part = partOf(target);
        try {
            Files.copy(backup, part, StandardCopyOption.REPLACE_EXISTING);
            force(part);
            moveIntoPlace(part, target);
        } finally {
            deleteQuietly(part);
        }
        return target;
    }

    static void deleteQuietly(Path file) {
        if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", file, e);
        }
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(BackupFiles::deleteQuietly);
        } catch (IOException e) {
            LOG.warn("Cannot delete {}", folder, e);
        }
    }

    /** Whether a failure (or one of its causes) is the disk or quota running out of room. */
    static boolean isDiskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String text = c instanceof FileSystemException fse && fse.getReason() != null ? fse.getReason()
                    : c.getMessage();
            if (text != null) {
                String lower = text.toLowerCase(Locale.ROOT);
                if (lower.contains("no space left") || lower.contains("not enough space")
                        || lower.contains("disk full") || lower.contains("disk quota exceeded")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** One sentence for a failed write into {@code where}: a full disk, or a place that cannot be written. */
    static UserException writeFailure(Throwable e, Path where) {
        if (isDiskFull(e)) {
            return new UserException(e, "backup.error.diskFull", where.toString());
        }
        if (e instanceof NoSuchFileException) {
            return new UserException(e, "backup.error.folderMissing", where.toString());
        }
        return new UserException(e, "backup.error.cannotWrite", where.toString());
    }
}
