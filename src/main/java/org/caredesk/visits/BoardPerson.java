package org.caredesk.visits;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;

/** A person behind a number of the board: colour, why, last visit and next due. */
public record BoardPerson(
        UUID personId,
        String name,
        Set<Category> categories,
        RiskColour colour,
        ColourSource source,
        ColourReason reason,
        String detail,
        LocalDate lastVisit,
        LocalDate nextVisitDue,
        String building,
        String responsibleStaff) {

    public BoardPerson {
        categories = Set.copyOf(categories);
    }
}
