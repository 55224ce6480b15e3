package org.caredesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.UUID;

/**
 * Backups changed the way a forger who holds the file key would change them: the database inside is edited with SQL
 * and the zip written again with fresh checksums, so only the audit chain can tell.
 */
public final class BackupTampering {
    private BackupTampering() {}

    /**
     * A copy of {@code backup} at {@code target} in which the audit entry numbered {@code seq} names another user.
     *
     * @param files opens the database inside the backup (the file key of its data folder)
     */
    public static Path withAuditEntryEdited(Path backup, DatabaseFiles files, long seq, Path target) {
        Path work = target.resolveSibling("tamper-" + UUID.randomUUID());
        try {
            Files.createDirectories(work);
            BackupArchive.Manifest manifest = BackupArchive.extract(backup, work);
            try (Database db = files.open(work); Connection c = db.dataSource().getConnection();
                 Statement s = c.createStatement()) {
                int changed = s.executeUpdate("update audit_log set user_name = 'mallory' where seq = " + seq);
                if (changed != 1) {
                    throw new IllegalStateException("The backup has no audit entry " + seq);
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
            Path keyRing = work.resolve(DatabaseFiles.KEY_RING);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (InputStream in = Files.newInputStream(DatabaseFiles.databaseFile(work))) {
                BackupArchive.write(target, in, Files.exists(keyRing) ? Optional.of(keyRing) : Optional.empty(),
                        manifest.created());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }
}
