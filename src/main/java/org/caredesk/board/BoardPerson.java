package org.caredesk.board;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.risk.ColourExplained;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;

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
        String responsibleStaff) implements ColourExplained {

    public BoardPerson {
        categories = Set.copyOf(categories);
    }
}
