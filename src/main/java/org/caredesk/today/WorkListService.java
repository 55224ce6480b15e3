package org.caredesk.today;

import org.caredesk.people.Page;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.risk.WorkListFilter;

/**
 * The 今日工作 home screen. Needs {@code VISITS_READ}. Every list is an indexed query that stays fast at 100,000
 * people; the first page of each comes with the counts of all. Only active files appear.
 */
public interface WorkListService {

    /** The first {@code limit} lines of each list and all the counts. */
    WorkList today(WorkListFilter filter, int limit);

    /** Visits or urine tests overdue (due before today), oldest first. */
    Page<DueItem> overdue(WorkListFilter filter, int offset, int limit);

    /** Due from today to the end of this week (Sunday), soonest first. */
    Page<DueItem> dueThisWeek(WorkListFilter filter, int offset, int limit);

    /** Correction, 帮教 and 戒毒/康复 terms ending within the warning days, soonest first. */
    Page<TermItem> termsEnding(WorkListFilter filter, int offset, int limit);

    /** Mental-disorder patients without signed consent on file, longest without a visit first. */
    Page<ConsentItem> missingConsent(WorkListFilter filter, int offset, int limit);

    /** Active people marked 资料待补 (category details still to be filled in), by name. */
    Page<PersonMissingDetails> missingDetails(WorkListFilter filter, int offset, int limit);

    /** Open incidents, oldest first, late ones flagged. */
    Page<OpenIncident> openIncidents(WorkListFilter filter, int offset, int limit);
}
