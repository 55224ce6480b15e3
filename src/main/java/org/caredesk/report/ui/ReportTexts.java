package org.caredesk.report.ui;

import java.util.OptionalDouble;
import org.caredesk.common.I18n;
import org.caredesk.report.Figure;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;

/** How the screen writes a figure's value and its change: the same forms as the workbook. */
final class ReportTexts {
    /** A rate over nothing, and a stock's year column, as the workbook shows them. */
    static final String NONE = "—";

    private ReportTexts() {}

    static String value(MonthlyReport report, Figure figure, Period period) {
        if (!figure.has(period)) {
            return NONE;
        }
        if (figure.isRate()) {
            OptionalDouble rate = report.rate(figure, period);
            return rate.isPresent() ? I18n.get("report.screen.percent", String.format("%.1f", rate.getAsDouble()
                    * 100)) : NONE;
        }
        return String.valueOf(report.count(figure.code(), period));
    }

    /** The month's value against the month before: +3, −2, 0; for a rate in percentage points. */
    static String change(MonthlyReport report, MonthlyReport before, Figure figure) {
        if (before == null) {
            return "";
        }
        if (figure.isRate()) {
            OptionalDouble now = report.rate(figure, Period.MONTH);
            OptionalDouble then = before.rate(figure, Period.MONTH);
            if (now.isEmpty() || then.isEmpty()) {
                return NONE;
            }
            double points = (now.getAsDouble() - then.getAsDouble()) * 100;
            return I18n.get("report.screen.points", signed(String.format("%.1f", Math.abs(points)), points));
        }
        int delta = report.count(figure.code(), Period.MONTH) - before.count(figure.code(), Period.MONTH);
        return signed(String.valueOf(Math.abs(delta)), delta);
    }

    private static String signed(String magnitude, double delta) {
        if (Math.abs(delta) < 0.05) {
            return "0";
        }
        return (delta > 0 ? "+" : "−") + magnitude;
    }
}
