package org.caredesk.today;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;

/**
 * A person with a visit or urine test due: a line of the home screen's overdue and due-this-week lists.
 *
 * @param nextUrineDue null unless the person is a drug user still in the programme
 * @param due          the earlier of the two due dates: what the lists sort by
 */
public record DueItem(
        UUID personId,
        String name,
        Set<Category> categories,
        RiskColour colour,
        String building,
        String responsibleStaff,
        LocalDate lastVisit,
        LocalDate nextVisitDue,
        LocalDate nextUrineDue,
        LocalDate due) {

    public DueItem {
        categories = Set.copyOf(categories);
    }

    /** Overdue from the day after it is due. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }

    public boolean visitOverdue(LocalDate today) {
        return overdue(nextVisitDue, today);
    }

    public boolean urineOverdue(LocalDate today) {
        return overdue(nextUrineDue, today);
    }

    /** Days past the earliest due date; 0 when not overdue. */
    public long daysOverdue(LocalDate today) {
        return overdue(due, today) ? ChronoUnit.DAYS.between(due, today) : 0;
    }
}
