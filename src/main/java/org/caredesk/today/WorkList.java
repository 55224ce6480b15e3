package org.caredesk.today;

import java.time.LocalDate;
import java.util.List;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.people.PersonMissingDetails;

/**
 * The 今日工作 home screen: the first lines of each list and the counts of all of them.
 *
 * @param weekEnd the last day "due this week" covers (the coming Sunday, or today on a Sunday)
 */
public record WorkList(
        LocalDate today,
        LocalDate weekEnd,
        WorkListCounts counts,
        List<DueItem> overdue,
        List<DueItem> dueThisWeek,
        List<TermItem> termsEnding,
        List<ConsentItem> missingConsent,
        List<OpenIncident> openIncidents,
        List<PersonMissingDetails> missingDetails) {

    public WorkList {
        overdue = List.copyOf(overdue);
        dueThisWeek = List.copyOf(dueThisWeek);
        termsEnding = List.copyOf(termsEnding);
        missingConsent = List.copyOf(missingConsent);
        openIncidents = List.copyOf(openIncidents);
        missingDetails = List.copyOf(missingDetails);
    }
}
