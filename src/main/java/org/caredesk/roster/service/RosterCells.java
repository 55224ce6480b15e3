package org.caredesk.roster.service;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.DateUtil;
import org.caredesk.common.Text;

/**
 * Reads roster cells the way a person meant them, whatever Excel or WPS made of the typing: numbers without a
 * trailing ".0", dates from date cells or from the ways people write them, small integers written as "3级" or "三级".
 */
final class RosterCells {
    /** Excel keeps 15 significant digits; a number from 10^15 up may already have lost its last digits. */
    static final double EXACT_DIGITS_LIMIT = 1e15;

    private static final Pattern DASHED = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
    private static final Pattern CHINESE_DATE = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日?");
    private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
    private static final Pattern TIME_SUFFIX = Pattern.compile("[ T]\\d{1,2}:\\d{2}(:\\d{2}(\\.\\d+)?)?$");
    private static final Pattern SCIENTIFIC = Pattern.compile("\\d+(\\.\\d+)?[eE]\\+?\\d+");
    private static final String CHINESE_DIGITS = "〇一二三四五六七八九";

    private RosterCells() {}

    static boolean isBlank(RosterCell cell) {
        return cell == null || cell.kind() == RosterCell.Kind.STRING && Text.isBlank(cell.text());
    }

    /** The text Excel shows for an error cell (#N/A, #REF!), or null for any other cell. */
    static String error(RosterCell cell) {
        return cell != null && cell.kind() == RosterCell.Kind.ERROR ? cell.text() : null;
    }

    /** The cell as text, stripped; null when blank. Numbers come without exponent or ".0". */
    static String text(RosterCell cell) {
        if (cell == null) {
            return null;
        }
        switch (cell.kind()) {
            case STRING:
                return Text.clean(cell.text());
            case NUMERIC:
                if (cell.dateFormatted()) {
                    return DateUtil.getLocalDateTime(cell.number()).toLocalDate().toString();
                }
                return plainNumber(cell.number());
            case BOOLEAN:
                return String.valueOf(cell.number() != 0);
            default:
                return null;
        }
    }

    static boolean isNumeric(RosterCell cell) {
        return cell != null && cell.kind() == RosterCell.Kind.NUMERIC;
    }

    static boolean isDateCell(RosterCell cell) {
        return isNumeric(cell) && cell.dateFormatted();
    }

    static String plainNumber(double v) {
        if (v == Math.rint(v) && Math.abs(v) < EXACT_DIGITS_LIMIT) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** Text such as "1.10105E+17": what is left of a long number after Excel showed it in scientific notation. */
    static boolean looksScientific(String text) {
        return text != null && SCIENTIFIC.matcher(text.strip()).matches();
    }

    /**
     * A date from a date cell, a plain number (Excel serial or 20210305), or text: 2021-03-05, 2021/3/5, 2021.3.5,
     * 20210305, 2021年3月5日. Null when the cell holds something else.
     */
    static LocalDate date(RosterCell cell) {
        if (isNumeric(cell)) {
            double v = cell.number();
            if (cell.dateFormatted()) {
                return DateUtil.getLocalDateTime(v).toLocalDate();
            }
            if (v == Math.rint(v) && v >= 10000101 && v <= 99991231) {
                return parseDate(Long.toString((long) v));
            }
            // A date typed into a cell formatted as a number shows as its serial (e.g. 44260): still a date.
            if (v >= 1 && DateUtil.isValidExcelDate(v) && v < 2958466) {
                return DateUtil.getLocalDateTime(v).toLocalDate();
            }
            return null;
        }
        return parseDate(text(cell));
    }

    static LocalDate parseDate(String raw) {
        if (raw == null) {
            return null;
        }
        String s = Text.halfWidth(raw).strip();
        s = TIME_SUFFIX.matcher(s).replaceFirst("").replaceAll("\\s+", "");
        for (Pattern p : new Pattern[] {DASHED, CHINESE_DATE, COMPACT}) {
            Matcher m = p.matcher(s);
            if (m.matches()) {
                try {
                    return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)));
                } catch (DateTimeException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** A whole number from a number cell or text like "3", "3级", "三级"; null when it is not one. */
    static Integer integer(RosterCell cell) {
        if (isNumeric(cell) && !cell.dateFormatted()) {
            double v = cell.number();
            if (v == Math.rint(v) && Math.abs(v) < Integer.MAX_VALUE) {
                return (int) v;
            }
            return null;
        }
        String s = text(cell);
        if (s == null) {
            return null;
        }
        s = Text.halfWidth(s).replaceAll("\\s+", "");
        if (s.endsWith("级")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() == 1 && CHINESE_DIGITS.indexOf(s.charAt(0)) >= 0) {
            return CHINESE_DIGITS.indexOf(s.charAt(0));
        }
        if (s.equals("零")) {
            return 0;
        }
        if (s.matches("-?\\d{1,9}")) {
            return Integer.parseInt(s);
        }
        return null;
    }
}
