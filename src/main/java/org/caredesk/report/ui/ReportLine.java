package org.caredesk.report.ui;

import org.caredesk.report.Figure;

/**
 * One figure as the report screen shows it: the texts of its two columns and of the change against the month
 * before. Every value opens to the rows behind it; for a rate, those of its denominator, marked where they count in
 * its numerator too.
 */
public record ReportLine(Figure figure, String month, String year, String change) {
    public String name() {
        return figure.name();
    }

    public String unit() {
        return figure.unitText();
    }
}
