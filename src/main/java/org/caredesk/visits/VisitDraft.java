package org.caredesk.visits;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A visit as the form or the command line gives it. One visit may cover several people (a group visit): the shared
 * parts are here, each person's own part is a {@link VisitPerson}.
 *
 * @param visitedAt    date and time of the visit; not later than now
 * @param staff        staff present, names as typed (the form proposes the logged-in user)
 * @param volunteers   volunteers present, names as typed; may be empty
 * @param people       at least one person, each once
 * @param needs        needs identified (several or none), kept in the enum's order
 */
public record VisitDraft(
        LocalDateTime visitedAt,
        VisitType type,
        String staff,
        String volunteers,
        List<VisitPerson> people,
        Set<Need> needs,
        String findings,
        String helpGiven,
        String followUpPlan) {

    public VisitDraft {
        people = people == null ? List.of() : List.copyOf(people);
        needs = needs == null || needs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(needs));
    }
}
