package org.caredesk.report.archive;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One figure of a report as sent: its code (the codes of the 指标说明 sheet) and its value for the month and for the
 * year to date. A value that could not be computed (a rate over nothing) is null, never zero.
 */
public record FigureValue(String code, BigDecimal month, BigDecimal year) {
    public FigureValue {
        Objects.requireNonNull(code, "code");
        month = normal(month);
        year = normal(year);
    }

    /** 12, 12.0 and 12.000000 (as the database gives it back) are one value. */
    private static BigDecimal normal(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
