package org.caredesk.audit;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.UUID;

/**
 * The hash that chains audit entries: SHA-256 over a canonical encoding of every field of an entry, including the
 * previous entry's hash. Each field is written as a 4-byte length and its UTF-8 bytes (length -1 for null), after a
 * version label, so no two different entries encode to the same bytes: with plain concatenation, user "ab" + action
 * "c" would hash like user "a" + action "bc".
 */
public final class EntryHash {
    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final String VERSION = "caredesk-audit-entry-v1";
    /** ISO-8601 with as many fraction digits as the value has, so even a sub-millisecond edit changes the hash. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private EntryHash() {}

    /** The time as entries store it: milliseconds, which every database keeps exactly. */
    public static LocalDateTime truncate(LocalDateTime t) {
        return t.truncatedTo(ChronoUnit.MILLIS);
    }

    /** The hash an entry should carry, from its stored fields and its own {@code prevHash}. */
    public static String of(AuditEntry e) {
        return compute(e.id(), e.seq(), e.loggedAt(), e.userName(), e.action(), e.objectType(), e.objectId(),
                e.objectLabel(), e.detail(), e.outcome(), e.prevHash());
    }

    public static String compute(UUID id, long seq, LocalDateTime loggedAt, String userName, String action,
            String objectType, String objectId, String objectLabel, String detail, String outcome, String prevHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        field(out, VERSION);
        field(out, id == null ? null : id.toString());
        field(out, Long.toString(seq));
        field(out, loggedAt == null ? null : TIME.format(loggedAt));
        field(out, userName);
        field(out, action);
        field(out, objectType);
        field(out, objectId);
        field(out, objectLabel);
        field(out, detail);
        field(out, outcome);
        field(out, prevHash);
        return HexFormat.of().formatHex(sha256().digest(out.toByteArray()));
    }

    private static void field(ByteArrayOutputStream out, String value) {
        byte[] bytes = value == null ? null : value.getBytes(StandardCharsets.UTF_8);
        int length = bytes == null ? -1 : bytes.length;
        out.write(length >>> 24);
        out.write(length >>> 16);
        out.write(length >>> 8);
        out.write(length);
        if (bytes != null) {
            out.write(bytes, 0, bytes.length);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
