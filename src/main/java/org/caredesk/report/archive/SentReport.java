package org.caredesk.report.archive;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * A monthly report as it went to the district. Versions count from 1 per month and scope: a correction is the next
 * version, and every version is kept.
 */
public record SentReport(UUID id, YearMonth month, String scope, int version, String sentBy, LocalDateTime sentAt,
        String workbookSha, List<FigureValue> figures) {
    public SentReport {
        figures = List.copyOf(figures);
    }
}
