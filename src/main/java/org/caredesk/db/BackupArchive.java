package org.caredesk.db;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.caredesk.common.UserException;

/**
 * The backup file: a zip holding the database file as it lies on disk (still encrypted when the database is),
 * the key ring when there is one, and a signed {@link BackupManifest} with the SHA-256 of each. Only those names
 * are accepted when a backup is read, so a crafted zip cannot write outside the folder it is unpacked into.
 */
final class BackupArchive {
    static final String MANIFEST = BackupManifest.FILE_NAME;
    static final String DATABASE_ENTRY = "db/caredesk.mv.db";
    static final String KEY_RING_ENTRY = "keyring.properties";
    private static final Map<String, Path> PLACES = Map.of(
            DATABASE_ENTRY, DatabaseFiles.DATABASE_FILE,
            KEY_RING_ENTRY, DatabaseFiles.KEY_RING);

    /** What the backup records besides the files: whose data it is and how far the audit chain had come. */
    record Facts(Optional<BackupManifest.CommunityRef> community, Optional<BackupManifest.ChainHead> auditHead) {
        static final Facts NONE = new Facts(Optional.empty(), Optional.empty());
    }

    private BackupArchive() {}

    /**
     * Writes a complete backup into {@code part} and flushes it to the disk; the manifest is signed with
     * {@code fileKey} when there is one.
     */
    static void write(Path part, InputStream database, Optional<Path> keyRing, LocalDateTime created, Facts facts,
            Optional<byte[]> fileKey) throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch),
                     1 << 16))) {
            hashes.put(DATABASE_ENTRY, entry(zip, DATABASE_ENTRY, database));
            if (keyRing.isPresent()) {
                try (InputStream in = Files.newInputStream(keyRing.get())) {
                    hashes.put(KEY_RING_ENTRY, entry(zip, KEY_RING_ENTRY, in));
                }
            }
            BackupManifest manifest = BackupManifest.signed(created, hashes, facts.community(), facts.auditHead(),
                    fileKey);
            entry(zip, MANIFEST, new ByteArrayInputStream(manifest.bytes()));
            zip.finish();
            zip.flush();
            ch.force(true);
        }
    }

    private static String entry(ZipOutputStream zip, String name, InputStream in) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
            sha.update(buf, 0, n);
            zip.write(buf, 0, n);
        }
        zip.closeEntry();
        return HexFormat.of().formatHex(sha.digest());
    }

    /** The manifest and the key ring of a backup, read before anything is unpacked. */
    record Head(BackupManifest manifest, Optional<byte[]> keyRing) {}

    /** The largest key ring accepted: one slot is about 250 bytes, and an office has a few dozen users. */
    private static final int MAX_KEY_RING = 1 << 20;

    /** Reads the manifest and the key ring only. Refuses what is not a backup, as {@link #extract} does. */
    static Head head(Path backup) {
        String name = backup.getFileName().toString();
        try (ZipFile zip = openZip(backup)) {
            BackupManifest manifest = BackupManifest.read(zip, name);
            ZipEntry ring = zip.getEntry(KEY_RING_ENTRY);
            if (ring == null) {
                return new Head(manifest, Optional.empty());
            }
            try (InputStream in = zip.getInputStream(ring)) {
                byte[] bytes = in.readNBytes(MAX_KEY_RING + 1);
                if (bytes.length > MAX_KEY_RING) {
                    throw new UserException("restore.error.damaged", name);
                }
                return new Head(manifest, Optional.of(bytes));
            }
        } catch (IOException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
    }

    private static ZipFile openZip(Path backup) {
        String name = backup.getFileName().toString();
        if (!Files.isRegularFile(backup)) {
            throw new UserException("restore.error.notFound", backup.toString());
        }
        try {
            return new ZipFile(backup.toFile());
        } catch (IOException e) {
            throw new UserException(e, looksLikeZip(backup) ? "restore.error.damaged" : "restore.error.notBackup",
                    name);
        }
    }

    /**
     * Checks a backup and unpacks it into {@code dataDir} in the layout of a data folder. A backup that is not
     * ours, damaged or changed is refused with a {@link UserException}; a failure to write is an IOException.
     */
    static BackupManifest extract(Path backup, Path dataDir) throws IOException {
        String name = backup.getFileName().toString();
        try (ZipFile zip = openZip(backup)) {
            BackupManifest manifest = BackupManifest.read(zip, name);
            Set<String> seen = new HashSet<>();
            var entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (!seen.add(e.getName()) || !(PLACES.containsKey(e.getName()) || MANIFEST.equals(e.getName()))) {
                    throw new UserException("restore.error.damaged", name);
                }
                if (MANIFEST.equals(e.getName())) {
                    continue;
                }
                String expected = manifest.sha256().get(e.getName());
                if (expected == null) {
                    throw new UserException("restore.error.damaged", name);
                }
                Path target = dataDir.resolve(PLACES.get(e.getName()));
                Files.createDirectories(target.getParent());
                String actual;
                try (InputStream in = zip.getInputStream(e); OutputStream out = Files.newOutputStream(target)) {
                    actual = copyHashed(in, out, name);
                }
                if (!actual.equals(expected)) {
                    throw new UserException("restore.error.damaged", name);
                }
            }
            if (!seen.containsAll(manifest.sha256().keySet()) || !seen.contains(DATABASE_ENTRY)) {
                throw new UserException("restore.error.damaged", name);
            }
            return manifest;
        }
    }

    /** A zip starts with a local file header; a cut-off or overwritten one still starts that way. */
    private static boolean looksLikeZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(4);
            return head.length == 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        } catch (IOException e) {
            return false;
        }
    }

    /** Copies while hashing; a read failure (bad CRC, cut-off zip) means the backup is damaged. */
    private static String copyHashed(InputStream in, OutputStream out, String name) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 16];
        while (true) {
            int n;
            try {
                n = in.read(buf);
            } catch (IOException e) {
                throw new UserException(e, "restore.error.damaged", name);
            }
            if (n < 0) {
                return HexFormat.of().formatHex(sha.digest());
            }
            sha.update(buf, 0, n);
            out.write(buf, 0, n);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
