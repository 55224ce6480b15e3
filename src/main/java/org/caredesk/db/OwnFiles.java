package org.caredesk.db;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.caredesk.common.UserException;

/**
 * Keeps a file the user chooses to write (an export, a template, a backup with {@code --out}) off the program's
 * own files: {@code export people <data folder>/db/caredesk.mv.db} and {@code backup --out keyring.properties}
 * used to finish with exit 0 over the database or the key ring. Nothing the user writes may go inside the data
 * folder (database, key ring, backups, {@code tmp/}, logs, the lock, the settings and login files, the
 * {@code replaced-…} folders), nor take a backup's name in the extra backup folder, where rotation would delete
 * it and a restore would offer it. The path is compared after symbolic links and {@code ..} are resolved.
 */
public final class OwnFiles {
    private OwnFiles() {}

    /**
     * @throws UserException {@code files.error.insideDataFolder} or {@code files.error.backupName}, naming the path,
     *     before anything is written
     */
    public static void checkOutput(Path dataDir, Path file) {
        Path target = real(file);
        Path folder = real(dataDir);
        if (target.startsWith(folder)) {
            throw new UserException("files.error.insideDataFolder", file.toString(), dataDir.toString());
        }
        Optional<Path> extra;
        try {
            extra = BackupSettings.load(dataDir).extraFolder();
        } catch (RuntimeException e) {
            extra = Optional.empty();
        }
        if (extra.isPresent() && target.getParent() != null && target.getParent().equals(real(extra.get()))) {
            String name = target.getFileName().toString();
            String base = name.endsWith(BackupFiles.PART)
                    ? name.substring(0, name.length() - BackupFiles.PART.length()) : name;
            if (BackupFiles.isBackupName(target.resolveSibling(base))) {
                throw new UserException("files.error.backupName", file.toString(), extra.get().toString());
            }
        }
    }

    /**
     * The path as the file system will take it: an existing file or its nearest existing folder with links and
     * {@code ..} resolved, the rest appended.
     */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        // A link to a file not yet there: writing through it creates the file it points to.
        for (int hops = 0; hops < 10 && Files.isSymbolicLink(absolute) && !Files.exists(absolute); hops++) {
            try {
                absolute = absolute.resolveSibling(Files.readSymbolicLink(absolute)).toAbsolutePath().normalize();
            } catch (IOException e) {
                break;
            }
        }
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute)).normalize();
        } catch (IOException e) {
            return absolute;
        }
    }
}
