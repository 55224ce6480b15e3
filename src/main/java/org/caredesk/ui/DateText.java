package org.caredesk.ui;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caredesk.common.Text;

/**
 * Dates as people type them at a front desk: 2024-03-15, 2024-3-5, 2024/3/5, 2024.3.5, 20240315 or 2024年3月5日.
 * Shown back as yyyy-MM-dd.
 */
public final class DateText {
    public static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final Pattern SEPARATED =
            Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

    private DateText() {}

    /** The date in the text; empty for blank or unparseable text (see {@link #isBlank}). */
    public static Optional<LocalDate> parse(String raw) {
        String s = Text.clean(Text.halfWidth(raw));
        if (s == null) {
            return Optional.empty();
        }
        Matcher m = SEPARATED.matcher(s);
        if (!m.matches()) {
            m = COMPACT.matcher(s);
            if (!m.matches()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    public static boolean isBlank(String raw) {
        return Text.isBlank(raw);
    }

    public static String format(LocalDate date) {
        return date == null ? "" : FORMAT.format(date);
    }
}
