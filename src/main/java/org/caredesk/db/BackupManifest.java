package org.caredesk.db;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.caredesk.common.UserException;

/**
 * What a backup says about itself ({@code caredesk-backup.properties} in the zip): when it was made, the SHA-256 of
 * each file in it, and from format 2 on the community it belongs to and the head of its audit chain, all signed
 * with an HMAC under a key derived from the data folder's file key. Whoever lacks the file key cannot change a
 * byte of a signed backup and sign it again (decision 0019). Format 1 (before signatures) has only the hashes.
 *
 * @param sha256    entry name to lower-case hex SHA-256
 * @param community the community recorded in the database when the backup was made
 * @param auditHead the last audit entry when the backup was made: an anchor that the log can be compared with later
 * @param mac       hex HMAC-SHA256 over everything else; empty in format 1 and for unencrypted test folders
 */
public record BackupManifest(int format, LocalDateTime created, Map<String, String> sha256,
                             Optional<CommunityRef> community, Optional<ChainHead> auditHead, Optional<String> mac) {
    /** The format written now; older ones are read. */
    public static final int FORMAT = 2;
    /** The format before manifests were signed. */
    public static final int UNSIGNED_FORMAT = 1;
    static final String FILE_NAME = "caredesk-backup.properties";
    private static final String FORMAT_KEY = "format";
    private static final String CREATED_KEY = "created";
    private static final String HASH_PREFIX = "sha256:";
    private static final String COMMUNITY_ID = "community.id";
    private static final String COMMUNITY_NAME = "community.name";
    private static final String AUDIT_SEQ = "auditHead.seq";
    private static final String AUDIT_HASH = "auditHead.hash";
    private static final String MAC_KEY = "mac";
    private static final String MAC_LABEL = "caredesk backup manifest";

    /** A community by its id (what identifies it) and its name (what people call it). */
    public record CommunityRef(String id, String name) {}

    /** An audit entry's number and hash: the chain had reached this entry when the backup was made. */
    public record ChainHead(long seq, String hash) {}

    public BackupManifest {
        sha256 = Map.copyOf(sha256);
    }

    /** A new, signed manifest; unsigned when there is no file key (the unencrypted database of the tests). */
    static BackupManifest signed(LocalDateTime created, Map<String, String> sha256, Optional<CommunityRef> community,
            Optional<ChainHead> auditHead, Optional<byte[]> fileKey) {
        BackupManifest unsigned = new BackupManifest(FORMAT, created.withNano(0), sha256, community, auditHead,
                Optional.empty());
        return fileKey.map(k -> unsigned.withMac(HexFormat.of().formatHex(unsigned.mac(k)))).orElse(unsigned);
    }

    private BackupManifest withMac(String hex) {
        return new BackupManifest(format, created, sha256, community, auditHead, Optional.of(hex));
    }

    /** Whether the signature is there and was made with {@code fileKey}: nothing was changed since. */
    public boolean signedWith(byte[] fileKey) {
        if (mac.isEmpty()) {
            return false;
        }
        byte[] expected = mac(fileKey);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(mac.get());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether this manifest comes from before signatures (format 1). */
    public boolean unsignedFormat() {
        return format < FORMAT;
    }

    /** Reads only the manifest of a backup file, for the anchors it holds; refuses what is not a backup. */
    public static BackupManifest read(Path backup) {
        String name = backup.getFileName().toString();
        if (!Files.isRegularFile(backup)) {
            throw new UserException("restore.error.notFound", backup.toString());
        }
        try (ZipFile zip = new ZipFile(backup.toFile())) {
            return read(zip, name);
        } catch (IOException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
    }

    static BackupManifest read(ZipFile zip, String name) {
        ZipEntry entry = zip.getEntry(FILE_NAME);
        if (entry == null) {
            throw new UserException("restore.error.notBackup", name);
        }
        Properties p = new Properties();
        try (InputStream in = zip.getInputStream(entry)) {
            p.load(in);
        } catch (IOException | IllegalArgumentException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
        try {
            int format = Integer.parseInt(p.getProperty(FORMAT_KEY, ""));
            LocalDateTime created = LocalDateTime.parse(p.getProperty(CREATED_KEY, ""));
            if (format > FORMAT) {
                throw new UserException("restore.error.newerFormat", name);
            }
            Map<String, String> hashes = new LinkedHashMap<>();
            for (String key : p.stringPropertyNames()) {
                if (key.startsWith(HASH_PREFIX)) {
                    hashes.put(key.substring(HASH_PREFIX.length()), p.getProperty(key));
                }
            }
            Optional<CommunityRef> community = Optional.ofNullable(p.getProperty(COMMUNITY_ID))
                    .map(id -> new CommunityRef(id, p.getProperty(COMMUNITY_NAME, "")));
            Optional<ChainHead> head = Optional.ofNullable(p.getProperty(AUDIT_SEQ))
                    .map(seq -> new ChainHead(Long.parseLong(seq), p.getProperty(AUDIT_HASH, "")));
            return new BackupManifest(format, created, hashes, community, head,
                    Optional.ofNullable(p.getProperty(MAC_KEY)));
        } catch (NumberFormatException | DateTimeParseException e) {
            throw new UserException(e, "restore.error.damaged", name);
        }
    }

    /** The manifest as the properties file stored in the zip. */
    byte[] bytes() throws IOException {
        Properties p = new Properties();
        fields().forEach(p::setProperty);
        mac.ifPresent(m -> p.setProperty(MAC_KEY, m));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        p.store(text, "CareDesk backup");
        return text.toByteArray();
    }

    /** Everything the signature covers, in a fixed order. */
    private Map<String, String> fields() {
        Map<String, String> f = new TreeMap<>();
        f.put(FORMAT_KEY, Integer.toString(format));
        f.put(CREATED_KEY, created.toString());
        sha256.forEach((entry, hash) -> f.put(HASH_PREFIX + entry, hash));
        community.ifPresent(c -> {
            f.put(COMMUNITY_ID, c.id());
            f.put(COMMUNITY_NAME, c.name());
        });
        auditHead.ifPresent(h -> {
            f.put(AUDIT_SEQ, Long.toString(h.seq()));
            f.put(AUDIT_HASH, h.hash());
        });
        return f;
    }

    /**
     * HMAC-SHA256 over the fields, each name and value length-prefixed so that no two different manifests give the
     * same bytes. The key is derived from the file key, so the signature reveals nothing about the key itself.
     */
    private byte[] mac(byte[] fileKey) {
        try {
            Mac derive = Mac.getInstance("HmacSHA256");
            derive.init(new SecretKeySpec(fileKey, "HmacSHA256"));
            byte[] macKey = derive.doFinal(MAC_LABEL.getBytes(StandardCharsets.UTF_8));
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(macKey, "HmacSHA256"));
            java.util.Arrays.fill(macKey, (byte) 0);
            for (Map.Entry<String, String> e : fields().entrySet()) {
                lengthPrefixed(m, e.getKey());
                lengthPrefixed(m, e.getValue());
            }
            return m.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java 17 runtime", e);
        }
    }

    private static void lengthPrefixed(Mac m, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        m.update(ByteBuffer.allocate(4).putInt(b.length).array());
        m.update(b);
    }
}
