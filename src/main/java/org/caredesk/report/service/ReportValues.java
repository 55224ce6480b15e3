package org.caredesk.report.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.caredesk.report.Figure;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.archive.FigureValue;
import org.caredesk.report.excel.CodeList;
import org.caredesk.report.template.TemplateValue;

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

    /**
     * Every placeholder a district's template may hold: {@code code.本月} and {@code code.本年累计} (where the figure
     * has a year column), as the code list writes them, and the bare {@code code} for the month's value, as in
     * {@code {{在册.严重精神障碍患者}}}.
     */
    public static Set<String> templateCodes() {
        Set<String> codes = new LinkedHashSet<>();
        for (Figure f : FigureCatalogue.all()) {
            codes.add(f.code());
            codes.add(placeholder(f, Period.MONTH));
            if (f.has(Period.YEAR_TO_DATE)) {
                codes.add(placeholder(f, Period.YEAR_TO_DATE));
            }
        }
        return codes;
    }

    /** The report's values under those placeholders: counts as counts, rates as rates, none where none. */
    public static Map<String, TemplateValue> templateValues(MonthlyReport report) {
        Map<String, TemplateValue> values = new LinkedHashMap<>();
        for (Figure f : FigureCatalogue.all()) {
            TemplateValue month = templateValue(report, f, Period.MONTH);
            values.put(f.code(), month);
            values.put(placeholder(f, Period.MONTH), month);
            if (f.has(Period.YEAR_TO_DATE)) {
                values.put(placeholder(f, Period.YEAR_TO_DATE), templateValue(report, f, Period.YEAR_TO_DATE));
            }
        }
        return values;
    }

    private static String placeholder(Figure f, Period p) {
        String braced = CodeList.placeholder(f, p);
        return braced.substring(2, braced.length() - 2);
    }

    private static TemplateValue templateValue(MonthlyReport report, Figure f, Period period) {
        BigDecimal v = value(report, f, period);
        if (v == null) {
            return TemplateValue.notComputable();
        }
        return f.isRate() ? TemplateValue.rate(v) : TemplateValue.count(v.longValueExact());
    }
}
