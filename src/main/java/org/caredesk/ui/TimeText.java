package org.caredesk.ui;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caredesk.common.Text;

/**
 * Times of day as people type them at a front desk: 9:30, 09:30, 9：30, 9.30, 9点30 or 9点30分, full-width digits
 * too. The visit and incident forms both read a time this way, so a caseworker types it the same in both. Shown
 * back as HH:mm.
 */
public final class TimeText {
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("HH:mm");
    private static final Pattern TIME = Pattern.compile("(\\d{1,2})\\s*[:：.点]\\s*(\\d{1,2})\\s*分?");

    private TimeText() {}

    /** The time in the text; empty for blank text, text that is no time, or 24:00 and beyond. */
    public static Optional<LocalTime> parse(String raw) {
        String s = Text.clean(Text.halfWidth(raw));
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = TIME.matcher(s);
        if (!m.matches()) {
            return Optional.empty();
        }
        int h = Integer.parseInt(m.group(1));
        int min = Integer.parseInt(m.group(2));
        return h > 23 || min > 59 ? Optional.empty() : Optional.of(LocalTime.of(h, min));
    }
}
