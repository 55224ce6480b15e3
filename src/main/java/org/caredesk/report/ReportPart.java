package org.caredesk.report;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One building's or one caseworker's share of the month's main figures (本月 only), as the whole report computes
 * them for the people of that building or caseworker.
 *
 * @param name   the building or the caseworker; null for people whose file names none
 * @param counts per code of {@link #CODES} (the counts among them), the month's count
 */
public record ReportPart(Kind kind, String name, Map<String, Integer> counts) {

    /** What the people are grouped by: as their files say now (no history of either is kept). */
    public enum Kind {
        BUILDING,
        STAFF
    }

    /** The figures given per building and per caseworker, in the order of the columns. */
    public static final List<String> CODES = List.of(
            FigureCatalogue.registered(null),
            FigureCatalogue.added(null),
            "走访.应访",
            "走访.按时",
            FigureCatalogue.VISIT_RATE,
            "走访.逾期",
            FigureCatalogue.registered(org.caredesk.people.Category.MENTAL_DISORDER),
            "精神障碍.在管",
            FigureCatalogue.CARE_RATE,
            "应急处置." + FigureCatalogue.ALL);

    public ReportPart {
        counts = Map.copyOf(counts);
    }

    public int count(String code) {
        Integer n = counts.get(code);
        if (n == null) {
            throw new IllegalArgumentException("no count " + code + " per part");
        }
        return n;
    }

    /** A rate of {@link #CODES} for this part; empty over a zero denominator. */
    public OptionalDouble rate(Figure rate) {
        int below = count(rate.denominator());
        return below == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) count(rate.numerator()) / below);
    }
}
