package org.caredesk.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.archive.FigureValue;

/**
 * A report's figures as the values kept when it is sent and compared later: a count as a whole number, a rate as a
 * fraction to six places (as the workbook's formula gives it), and no value where the report has none (a stock's
 * year column, a rate over nothing).
 */
public final class ReportValues {
    private ReportValues() {}

    public static List<FigureValue> of(MonthlyReport report) {
        List<FigureValue> values = new ArrayList<>();
        for (Figure f : FigureCatalogue.all()) {
            values.add(new FigureValue(f.code(), value(report, f, Period.MONTH),
                    value(report, f, Period.YEAR_TO_DATE)));
        }
        return values;
    }

    static BigDecimal value(MonthlyReport report, Figure f, Period period) {
        if (!f.has(period)) {
            return null;
        }
        if (f.isRate()) {
            OptionalDouble rate = report.rate(f, period);
            return rate.isPresent() ? BigDecimal.valueOf(rate.getAsDouble()).setScale(6, RoundingMode.HALF_UP)
                    : null;
        }
        return BigDecimal.valueOf(report.count(f.code(), period));
    }
}
