package org.caredesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Backups changed the way a forger would change them. One who holds the file key edits the database inside with SQL
 * and writes and signs the zip again, so only the audit chain can tell. One who does not changes files inside and
 * writes the manifest's checksums again, keeping its signature, which then no longer matches.
 */
public final class BackupTampering {
    public static final String DATABASE = BackupArchive.DATABASE_ENTRY;
    public static final String KEY_RING = BackupArchive.KEY_RING_ENTRY;

    private BackupTampering() {}

    /**
     * A copy of {@code backup} at {@code target} with its entries changed by {@code edit} (which may replace or
     * remove them) and the manifest's checksums computed again for what is left; every other line of the manifest,
     * the signature too, stays as it was unless {@code editManifest} changes it.
     */
    public static Path rewritten(Path backup, Path target, Consumer<Map<String, byte[]>> edit,
            Consumer<Properties> editManifest) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
                try (InputStream in = zip.getInputStream(e)) {
                    entries.put(e.getName(), in.readAllBytes());
                }
            }
            Properties manifest = new Properties();
            manifest.load(new java.io.ByteArrayInputStream(entries.remove(BackupArchive.MANIFEST)));
            edit.accept(entries);
            manifest.stringPropertyNames().stream().filter(k -> k.startsWith("sha256:")).forEach(manifest::remove);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                manifest.setProperty("sha256:" + e.getKey(),
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(e.getValue())));
            }
            editManifest.accept(manifest);
            Files.createDirectories(target.toAbsolutePath().getParent());
            try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    out.putNextEntry(new ZipEntry(e.getKey()));
                    out.write(e.getValue());
                    out.closeEntry();
                }
                out.putNextEntry(new ZipEntry(BackupArchive.MANIFEST));
                manifest.store(out, "CareDesk backup");
                out.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** As {@link #rewritten(Path, Path, Consumer, Consumer)}, the manifest's other lines left as they are. */
    public static Path rewritten(Path backup, Path target, Consumer<Map<String, byte[]>> edit) {
        return rewritten(backup, target, edit, m -> { });
    }

    /** The manifest of a backup as written. */
    public static BackupManifest manifest(Path backup) {
        return BackupManifest.read(backup);
    }

    /**
     * A copy of {@code backup} at {@code target} in which the audit entry numbered {@code seq} names another user.
     *
     * @param files opens the database inside the backup (the file key of its data folder)
     */
    public static Path withAuditEntryEdited(Path backup, DatabaseFiles files, long seq, Path target) {
        Path work = target.resolveSibling("tamper-" + UUID.randomUUID());
        try {
            Files.createDirectories(work);
            BackupManifest manifest = BackupArchive.extract(backup, work);
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
                        manifest.created(), new BackupArchive.Facts(manifest.community(), manifest.auditHead()),
                        files.fileKey());
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            BackupFiles.deleteTree(work);
        }
    }
}
