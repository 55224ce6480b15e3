package org.caredesk.incidents;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.caredesk.people.Page;

/**
 * Emergencies (应急处置). Recording, completing and closing need {@code INCIDENTS_WRITE}, reading
 * {@code VISITS_READ}. Recording an incident makes the person red at once (timeline source {@code INCIDENT}); the
 * incident keeps them red until it is closed and a visit or assessment is recorded afterwards
 * (docs/decisions/0014).
 */
public interface IncidentService {

    Incident record(IncidentDraft draft);

    /** Completes or corrects an open incident's record (what was done, who was notified, outcome). */
    Incident update(UUID incidentId, IncidentDraft draft, int expectedVersion);

    /** Closes an incident; {@code outcome} is required (it replaces the draft's when given). */
    Incident close(UUID incidentId, String outcome, int expectedVersion);

    Optional<Incident> find(UUID incidentId);

    /** A person's incidents, newest first. */
    List<Incident> forPerson(UUID personId);

    /** Open incidents, oldest first, each flagged when open longer than {@link #completionLimit()}. */
    Page<OpenIncident> open(int offset, int limit);

    /** How long an incident may stay open (default 24 hours). */
    Duration completionLimit();
}
