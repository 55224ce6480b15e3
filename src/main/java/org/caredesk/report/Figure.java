package org.caredesk.report;

import java.util.List;
import org.caredesk.common.I18n;

/**
 * One figure of the monthly report. Its code is stable and the same in every language: the district's template
 * names it ({@code {{在册.严重精神障碍患者}}}) and the 指标说明 sheet lists it. Its name and exact definition come
 * from the bundles ({@code report.fig.<key>.name} / {@code .def}, with the arguments given).
 *
 * @param stock       a state at the month's last day (在册, 逾期): no 本年累计 column
 * @param numerator   for a rate, the code of the count above the line; null for a count
 * @param denominator for a rate, the code of the count below it
 */
public record Figure(String code, Section section, Unit unit, String key, List<Object> args, boolean stock,
        String numerator, String denominator) {

    public Figure {
        args = List.copyOf(args);
    }

    public boolean isRate() {
        return numerator != null;
    }

    /** Whether the figure has a value for the period: a stock only at the month's end. */
    public boolean has(Period period) {
        return period == Period.MONTH || !stock;
    }

    public String name() {
        return I18n.get("report.fig." + key + ".name", args.toArray());
    }

    /** Numerator, denominator, time window and which records count, in words. */
    public String definition() {
        return I18n.get("report.fig." + key + ".def", args.toArray());
    }

    public String unitText() {
        return I18n.label(unit);
    }
}
