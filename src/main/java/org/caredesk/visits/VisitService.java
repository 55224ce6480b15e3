package org.caredesk.visits;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.people.Page;
import org.caredesk.risk.NextVisitProposal;

/**
 * Visit records (走访记录). Reading needs {@code VISITS_READ}, saving {@code VISITS_WRITE}. A save checks every
 * rule again and refuses with a {@link org.caredesk.common.ValidationException} whose sentences name the field (and
 * the person); nothing is written then. A saved visit updates, in the same transaction, each person's schedule
 * (last visit, next visit due, next urine test due), their colour (with a timeline entry when it changes) and the
 * audit log.
 */
public interface VisitService {

    /**
     * A new visit for the form: now, a home visit, the logged-in user as staff, and for each person the proposed
     * next visit.
     */
    VisitDraft newDraft(List<UUID> personIds);

    /** What the form needs to know about a person (category parts, colour, dates due). */
    VisitSubject subject(UUID personId);

    /**
     * The rules' next visit (and urine test) for a person after a visit on {@code visitDate} with the given part,
     * computed with the colour the person would have after it; the form shows it as the editable default.
     */
    NextVisitProposal propose(UUID personId, LocalDate visitDate, VisitPerson part);

    /**
     * Saves a visit. A person's next visit due becomes the earlier of the date planned at the visit and the
     * rules' date.
     */
    Visit save(VisitDraft draft);

    Optional<Visit> find(UUID visitId);

    /** A person's visits, newest first. */
    Page<Visit> history(UUID personId, int offset, int limit);
}
