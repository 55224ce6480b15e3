package org.caredesk.today;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/** A legal term ending soon: correction, the 5-year 帮教 period, or the 3-year 社区戒毒/康复. */
public record TermItem(
        UUID personId,
        String name,
        TermKind kind,
        LocalDate endDate,
        String building,
        String responsibleStaff) {

    /** Days until the end; 0 on the last day. */
    public long daysLeft(LocalDate today) {
        return ChronoUnit.DAYS.between(today, endDate);
    }
}
