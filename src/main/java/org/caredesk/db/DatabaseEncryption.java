package org.caredesk.db;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.caredesk.common.UserException;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.ChangeFileEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file side of encryption at rest: telling a plain database file from an encrypted one, and turning a plain
 * one (made before encryption existed) into an encrypted one without ever having neither.
 *
 * <p>The conversion works on a copy in {@code <dataDir>/db-encrypting/}: the copy is encrypted and its row counts
 * compared with the original; only then does the original move aside (into the same folder) and the encrypted copy
 * take its place. The plain original is wiped only after the encrypted database has opened in its real place. A
 * crash at any step is repaired by {@link #recover(Path)} at the next start: before the swap the half-made copy is
 * discarded, in the middle of it the original moves back.
 */
final class DatabaseEncryption {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseEncryption.class);
    static final String STAGING = "db-encrypting";
    static final String ASIDE = "unencrypted.mv.db";
    /** The first bytes of an H2 file written through {@code CIPHER=AES}. */
    private static final byte[] ENCRYPTED_HEADER = "H2encrypt\n".getBytes(StandardCharsets.US_ASCII);
    private static final String H2_SUFFIX = ".mv.db";

    private DatabaseEncryption() {}

    static Path dbFile(Path folder, String name) {
        return folder.resolve(name + H2_SUFFIX);
    }

    static boolean looksEncrypted(Path file) {
        byte[] head = new byte[ENCRYPTED_HEADER.length];
        try (InputStream in = Files.newInputStream(file)) {
            int n = in.readNBytes(head, 0, head.length);
            return n == head.length && Arrays.equals(head, ENCRYPTED_HEADER);
        } catch (IOException e) {
            throw new UserException(e, "error.io", file.toString());
        }
    }

    /**
     * H2 takes the file password and the user password in one, separated by a space. The file password is the key
     * in hex: H2 rejects spaces in it and hashes whatever it gets. The user password stays empty: the file key is
     * the only secret, and a second one would only have to be stored next to it.
     */
    static char[] h2Password(byte[] fileKey) {
        char[] hex = "0123456789abcdef".toCharArray();
        char[] c = new char[fileKey.length * 2 + 1];
        for (int i = 0; i < fileKey.length; i++) {
            c[2 * i] = hex[(fileKey[i] >> 4) & 0xf];
            c[2 * i + 1] = hex[fileKey[i] & 0xf];
        }
        c[c.length - 1] = ' ';
        return c;
    }

    /** Finishes or undoes a conversion that a crash interrupted, so the database file is never missing. */
    static void recover(Path dataDir, Path dbFolder, String name) {
        Path staging = dataDir.resolve(STAGING);
        if (!Files.isDirectory(staging)) {
            return;
        }
        Path live = dbFile(dbFolder, name);
        Path aside = staging.resolve(ASIDE);
        try {
            if (Files.exists(aside) && !Files.exists(live)) {
                LOG.warn("An interrupted encryption left the database aside; moving {} back", aside);
                Files.move(aside, live, StandardCopyOption.ATOMIC_MOVE);
                wipeFolder(staging);
            } else if (!Files.exists(aside)) {
                // Interrupted before the swap: the live file is still the original; the copy is of no use.
                wipeFolder(staging);
            }
            // Otherwise the encrypted file is in place and the original is aside: it stays there until the
            // encrypted database has opened (see finish).
        } catch (IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", dataDir.toString());
        }
    }

    /** After the encrypted database opened in its place: the plain original is no longer needed. */
    static void finish(Path dataDir) {
        Path staging = dataDir.resolve(STAGING);
        if (Files.isDirectory(staging)) {
            try {
                wipeFolder(staging);
                LOG.info("Removed the unencrypted original database after encrypting it");
            } catch (IOException e) {
                LOG.warn("Could not remove {}", staging, e);
            }
        }
    }

    /**
     * Encrypts the closed plain database {@code name} in {@code dbFolder} and swaps it in. Leaves the original
     * aside; the caller opens the result and then calls {@link #finish(Path)}.
     *
     * @throws UserException when the database is in use, cannot be read, or the copy differs; the original is
     *     then untouched
     */
    static void encrypt(Path dataDir, Path dbFolder, String name, byte[] fileKey) {
        Path live = dbFile(dbFolder, name);
        Map<String, Long> before = countRows(url(dbFolder, name, false), new char[0], dbFolder);
        Path staging = dataDir.resolve(STAGING);
        try {
            wipeFolder(staging);
            Files.createDirectories(staging);
            Files.copy(live, dbFile(staging, name));
            char[] key = h2Password(fileKey);
            try {
                ChangeFileEncryption.execute(staging.toString(), name, "AES", null,
                        Arrays.copyOf(key, key.length - 1), true);
            } finally {
                Arrays.fill(key, '\0');
            }
            Map<String, Long> after = countRows(url(staging, name, true), h2Password(fileKey), dbFolder);
            if (!before.equals(after)) {
                throw new IllegalStateException("Row counts differ after encryption: " + before + " -> " + after);
            }
            Path encrypted = dbFile(staging, name);
            Files.move(live, staging.resolve(ASIDE), StandardCopyOption.ATOMIC_MOVE);
            Files.move(encrypted, live, StandardCopyOption.ATOMIC_MOVE);
            // The trace file of the plain database may quote SQL with personal data in its error messages.
            wipe(dbFolder.resolve(name + ".trace.db"));
            LOG.info("Encrypted the database in {} ({} tables)", dbFolder, after.size());
        } catch (IOException | SQLException | RuntimeException e) {
            rollBack(live, staging);
            throw new UserException(e, "database.error.encryptFailed", dbFolder.toString());
        }
    }

    /** Puts the original back when the encrypted database did not open in its place. */
    static void rollBack(Path live, Path staging) {
        Path aside = staging.resolve(ASIDE);
        try {
            if (Files.exists(aside)) {
                Files.move(aside, live, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            // recover() moves it back at the next start; nothing is lost while it sits in staging.
            LOG.error("Could not move the original database back from {}", aside, e);
            return;
        }
        cleanUpQuietly(staging);
    }

    private static void cleanUpQuietly(Path staging) {
        try {
            wipeFolder(staging);
        } catch (IOException e) {
            LOG.warn("Could not remove {}", staging, e);
        }
    }

    private static String url(Path folder, String name, boolean encrypted) {
        return "jdbc:h2:file:" + folder.resolve(name).toAbsolutePath() + ";IFEXISTS=TRUE;TRACE_LEVEL_FILE=0"
                + (encrypted ? ";CIPHER=AES" : "");
    }

    /** Rows per table: the conversion must not lose or invent any. */
    private static Map<String, Long> countRows(String url, char[] password, Path where) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL(url);
        ds.setUser("sa");
        ds.setPasswordChars(password);
        Map<String, Long> counts = new TreeMap<>();
        try (Connection c = ds.getConnection(); Statement st = c.createStatement()) {
            // Another program gets H2's file lock error above; this program's own open connections do not, and
            // copying or moving a file that H2 is still writing would lose their work.
            try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
                rs.next();
                if (rs.getInt(1) > 1) {
                    throw new UserException("error.databaseInUse", where.toString());
                }
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = st.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = 'PUBLIC' AND TABLE_TYPE = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = st.executeQuery(
                        "SELECT COUNT(*) FROM PUBLIC.\"" + t.replace("\"", "\"\"") + "\"")) {
                    rs.next();
                    counts.put(t, rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw Database.translate(new IllegalStateException(e), where.toString());
        } finally {
            Arrays.fill(password, '\0');
        }
        return counts;
    }

    /** Overwrites every file under {@code folder}, then deletes them and the folder. */
    static void wipeFolder(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            List<Path> paths = all.sorted(Comparator.reverseOrder()).toList();
            for (Path p : paths) {
                if (Files.isDirectory(p)) {
                    Files.delete(p);
                } else {
                    wipe(p);
                }
            }
        }
    }

    /**
     * Overwrites a file with zeros before deleting it. Best effort: a solid-state disk may keep old blocks
     * elsewhere (decision 0006), but the plain data is at least not left in the file system's free space as is.
     */
    static void wipe(Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            long size = ch.size();
            ByteBuffer zeros = ByteBuffer.allocate(64 * 1024);
            long pos = 0;
            while (pos < size) {
                zeros.clear();
                zeros.limit((int) Math.min(zeros.capacity(), size - pos));
                pos += ch.write(zeros, pos);
            }
            ch.force(true);
        }
        Files.delete(file);
    }
}
