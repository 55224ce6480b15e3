package org.caredesk.audit.service;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caredesk.common.I18n;

/**
 * An anchor of the audit chain kept outside the database: the number and hash of the last entry at a moment, as
 * written into a backup's manifest, an exported audit log or a report. A later log must still hold that entry with
 * that hash, or entries were cut off or rewritten (decision 0019).
 *
 * @param source where the anchor was found, as said to the user ("2026-12-01 09:00 的备份 caredesk-….zip")
 */
public record ChainAnchor(long seq, String hash, LocalDateTime at, String source) {
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
    private static final Pattern TOKEN = Pattern.compile(
            "\\[caredesk-audit-head seq=(\\d{1,18}) hash=([0-9a-f]{64}) at=([0-9T:.-]{16,29})]");

    /** The anchor as one line for a person and for {@link #find}: the head, the time, how to check it. */
    public String line() {
        return I18n.get("audit.anchor.line", Long.toString(seq), SHOWN.format(at), token());
    }

    /** The part of {@link #line()} that {@link #find} reads back, the same in every language. */
    public String token() {
        return "[caredesk-audit-head seq=" + seq + " hash=" + hash + " at=" + at.withNano(0) + "]";
    }

    /** The first anchor written by {@link #line()} or {@link #token()} in {@code text}, if there is one. */
    public static Optional<ChainAnchor> find(CharSequence text, String source) {
        Matcher m = TOKEN.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new ChainAnchor(Long.parseLong(m.group(1)), m.group(2),
                    LocalDateTime.parse(m.group(3)), source));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The time as shown in sentences. */
    public String atText() {
        return SHOWN.format(at);
    }
}
