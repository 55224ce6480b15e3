package org.caredesk.visits;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;

/**
 * What the visit form needs to know about a person: which category parts apply, the colour and the dates due.
 *
 * @param mentalRiskLevel the latest known level (latest visit's, else the registry's); null when none or not a
 *                        mental-disorder patient
 */
public record VisitSubject(
        UUID personId,
        String name,
        Set<Category> categories,
        RiskColour colour,
        boolean closed,
        LocalDate lastVisit,
        LocalDate nextVisitDue,
        LocalDate nextUrineDue,
        Integer mentalRiskLevel) {

    public VisitSubject {
        categories = Set.copyOf(categories);
    }

    /** The urine-test part applies. */
    public boolean drugUser() {
        return categories.contains(Category.DRUG_USER);
    }

    /** The national follow-up items apply. */
    public boolean mentalDisorder() {
        return categories.contains(Category.MENTAL_DISORDER);
    }
}
