package org.caredesk.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures of one month, as of its last day, with the rows behind every count: a count is the size of its list,
 * so the number and the names behind it cannot disagree.
 *
 * @param asOf       the month's last day; for the month under way, today (nothing later is known yet)
 * @param community  the community's name (填报单位)
 * @param computedAt when the figures were read (one snapshot of the database)
 * @param rows       per figure code and period, the rows the count counted; rates have none
 * @param parts      the main figures per building, then per caseworker, of the people in the report
 */
public record MonthlyReport(YearMonth month, LocalDate asOf, ReportScope scope, String community,
        LocalDateTime computedAt, Map<String, Map<Period, List<DetailRow>>> rows, List<ReportPart> parts) {

    /** The rows behind a count; empty for a period the figure has no value in. */
    public List<DetailRow> rows(String code, Period period) {
        Map<Period, List<DetailRow>> m = rows.get(code);
        if (m == null) {
            throw new IllegalArgumentException("no count " + code);
        }
        return m.getOrDefault(period, List.of());
    }

    public int count(String code, Period period) {
        return rows(code, period).size();
    }

    /** A rate's value (0.0 to 1.0); empty when its denominator is zero, shown as "—". */
    public OptionalDouble rate(Figure rate, Period period) {
        int below = count(rate.denominator(), period);
        if (below == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((double) count(rate.numerator(), period) / below);
    }

    /** Whether anyone behind any figure was invented by the demo or {@code generate}. */
    public boolean hasFictitious() {
        for (Map<Period, List<DetailRow>> m : rows.values()) {
            for (List<DetailRow> list : m.values()) {
                for (DetailRow r : list) {
                    if (r.fictitious()) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

}
