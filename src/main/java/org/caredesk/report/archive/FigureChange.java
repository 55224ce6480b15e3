package org.caredesk.report.archive;

import java.math.BigDecimal;

/**
 * How one figure differs between the report as sent and the same month computed now: what the community explains
 * to the district when it sends a correction. A figure that is new (a code the sent report did not have) has no sent
 * values; one that is gone has no current values.
 */
public record FigureChange(String code, BigDecimal sentMonth, BigDecimal nowMonth, BigDecimal sentYear,
        BigDecimal nowYear, Kind kind) {

    public enum Kind { CHANGED, NEW, GONE }

    /** The change of the month's value (now − sent), or null when either side has none. */
    public BigDecimal monthDelta() {
        return sentMonth == null || nowMonth == null ? null : nowMonth.subtract(sentMonth);
    }
}
