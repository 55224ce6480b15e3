package org.caredesk.report.template;

import java.util.ArrayList;
import java.util.List;

/**
 * The placeholders in one cell's text: {@code {{code}}}, spaces inside the braces ignored. Anything between a
 * {@code {{} and the next {@code }}} is one placeholder; a {@code {{} with no {@code }}} before the next
 * {@code {{} (or the end) is malformed, and so are empty braces. A lone {@code }}} is ordinary text.
 */
final class Placeholders {
    static final String OPEN = "{{";
    static final String CLOSE = "}}";
    /** What a Chinese input method types for {@code {{} when left in full-width mode: never a placeholder. */
    static final String WIDE_OPEN = "｛｛";
    static final String WIDE_CLOSE = "｝｝";
    /** How much of the text after an unclosed {@code {{} a problem line quotes. */
    private static final int FRAGMENT = 20;

    /** A run of literal text ({@code code == null}) or one placeholder, with where it lies in the old text. */
    record Segment(int start, int end, String text, String code) {
        boolean placeholder() {
            return code != null;
        }
    }

    /** A placeholder that cannot be read, quoted as written. */
    record Malformed(String fragment, TemplateProblem.Kind kind) {}

    private final List<Segment> segments;
    private final List<Malformed> malformed;

    private Placeholders(List<Segment> segments, List<Malformed> malformed) {
        this.segments = segments;
        this.malformed = malformed;
    }

    /** Whether the text may hold a placeholder at all: the quick test before parsing. */
    static boolean mayHold(String text) {
        return text != null && (text.contains(OPEN) || text.contains(WIDE_OPEN));
    }

    static Placeholders parse(String text) {
        List<Segment> segments = new ArrayList<>();
        List<Malformed> malformed = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf(OPEN, i);
            if (open < 0) {
                segments.add(new Segment(i, text.length(), text.substring(i), null));
                break;
            }
            if (open > i) {
                segments.add(new Segment(i, open, text.substring(i, open), null));
            }
            int close = text.indexOf(CLOSE, open + OPEN.length());
            int next = text.indexOf(OPEN, open + OPEN.length());
            if (close < 0 || (next >= 0 && next < close)) {
                int stop = close < 0 ? text.length() : next;
                String fragment = text.substring(open, Math.min(stop, open + FRAGMENT));
                malformed.add(new Malformed(stop - open > FRAGMENT ? fragment + "…" : fragment,
                        TemplateProblem.Kind.UNCLOSED));
                segments.add(new Segment(open, stop, text.substring(open, stop), null));
                i = stop;
                continue;
            }
            int end = close + CLOSE.length();
            String code = text.substring(open + OPEN.length(), close).strip();
            if (code.isEmpty()) {
                malformed.add(new Malformed(text.substring(open, end), TemplateProblem.Kind.EMPTY));
                segments.add(new Segment(open, end, text.substring(open, end), null));
            } else {
                segments.add(new Segment(open, end, text.substring(open, end), code));
            }
            i = end;
        }
        wide(text, malformed);
        return new Placeholders(List.copyOf(segments), List.copyOf(malformed));
    }

    /**
     * Full-width braces typed for a placeholder: the cell would otherwise go out with "｛｛在册.吸毒人员｝｝" in it and
     * nobody told.
     */
    private static void wide(String text, List<Malformed> malformed) {
        for (int open = text.indexOf(WIDE_OPEN); open >= 0; open = text.indexOf(WIDE_OPEN, open + 1)) {
            int close = text.indexOf(WIDE_CLOSE, open + WIDE_OPEN.length());
            int stop = close < 0 ? text.length() : close + WIDE_CLOSE.length();
            String fragment = text.substring(open, Math.min(stop, open + FRAGMENT));
            malformed.add(new Malformed(stop - open > FRAGMENT ? fragment + "…" : fragment,
                    TemplateProblem.Kind.FULL_WIDTH));
            open = stop - 1;
        }
    }

    List<Segment> segments() {
        return segments;
    }

    List<Malformed> malformed() {
        return malformed;
    }

    List<String> codes() {
        return segments.stream().filter(Segment::placeholder).map(Segment::code).toList();
    }

    /** The one placeholder when the text is that and nothing else but spaces; else null. */
    String soleCode() {
        String code = null;
        for (Segment s : segments) {
            if (s.placeholder()) {
                if (code != null) {
                    return null;
                }
                code = s.code();
            } else if (!s.text().isBlank()) {
                return null;
            }
        }
        return code;
    }
}
