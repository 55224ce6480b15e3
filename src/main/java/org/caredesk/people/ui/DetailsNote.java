package org.caredesk.people.ui;

import java.time.LocalDate;
import org.caredesk.common.I18n;
import org.caredesk.ui.DateText;

/** How a date computed from a detail that may be missing reads: the date, or 未知（资料待补）, never a guess. */
final class DetailsNote {
    private DetailsNote() {}

    /** An end date (帮教期满, 戒毒/康复最迟结束) computed from a start that may not be known yet. */
    static String endDate(LocalDate end) {
        return end == null ? I18n.get("missingDetails.unknownDate") : DateText.format(end);
    }
}
