package org.caredesk.db;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
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
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.caredesk.common.UserException;

/**
 * The backup file: a zip holding the database file as it lies on disk (still encrypted when the database is),
 * the key ring when there is one, and a manifest with the SHA-256 of each. Only those names are accepted when a
 * backup is read, so a crafted zip cannot write outside the folder it is unpacked into.
 */
final class BackupArchive {
    static final String MANIFEST = "caredesk-backup.properties";
    static final String DATABASE_ENTRY = "db/caredesk.mv.db";
    static final String KEY_RING_ENTRY = "keyring.properties";
    static final int FORMAT = 1;
    private static final String FORMAT_KEY = "format";
    private static final String CREATED_KEY = "created";
    private static final String HASH_PREFIX = "sha256:";
    private static final Map<String, Path> PLACES = Map.of(
            DATABASE_ENTRY, DatabaseFiles.DATABASE_FILE,
            KEY_RING_ENTRY, DatabaseFiles.KEY_RING);

    /** What the manifest of a backup says. */
    record Manifest(int format, LocalDateTime created, Map<String, String> sha256) {}

    private BackupArchive() {}

    /** Writes a complete backup into {@code part} and flushes it to the disk. */
    static void write(Path part, InputStream database, Optional<Path> keyRing, LocalDateTime created)
            throws IOException {
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
            Properties manifest = new Properties();
            manifest.setProperty(FORMAT_KEY, Integer.toString(FORMAT));
            manifest.setProperty(CREATED_KEY, created.withNano(0).toString());
            hashes.forEach((name, hash) -> manifest.setProperty(HASH_PREFIX + name, hash));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            manifest.store(text, "CareDesk backup");
            entry(zip, MANIFEST, new ByteArrayInputStream(text.toByteArray()));
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

    /**
     * Checks a backup and unpacks it into {@code dataDir} in the layout of a data folder. A backup that is not
     * ours, damaged or changed is refused with a {@link UserException}; a failure to write is an IOException.
     */
    static Manifest extract(Path backup, Path dataDir) throws IOException {
        String name = backup.getFileName().toString();
        if (!Files.isRegularFile(backup)) {
            throw new UserException("restore.error.notFound", backup.toString());
        }
        ZipFile zip;
        try {
            zip = new ZipFile(backup.toFile());
        } catch (IOException e) {
            throw new UserException(e, looksLikeZip(backup) ? "restore.error.damaged" : "restore.error.notBackup",
                    name);
        }
        try (zip) {
            Manifest manifest = manifest(zip, name);
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

    private static Manifest manifest(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(MANIFEST);
        if (entry == null) {
            throw new UserException("restore.error.notBackup", name);
        }
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
        int format;
        LocalDateTime created;
        try {
            format = Integer.parseInt(p.getProperty(FORMAT_KEY, ""));
            created = LocalDateTime.parse(p.getProperty(CREATED_KEY, ""));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
        if (format > FORMAT) {
            throw new UserException("restore.error.newerFormat", name);
        }
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(HASH_PREFIX)) {
                hashes.put(key.substring(HASH_PREFIX.length()), p.getProperty(key));
            }
        }
        return new Manifest(format, created, hashes);
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
