package org.caredesk.report.data;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.caredesk.common.IncidentType;
import org.caredesk.common.RiskColour;
import org.caredesk.common.UrineResult;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.visits.VisitType;

/**
 * What one report reads from the database, in one snapshot, up to the month's last day: the people of the scope,
 * their colour history, their visit parts and their incidents. Every figure is computed from these in Java, so each
 * count is the size of the list of rows it shows.
 */
public record ReportFacts(String community, List<PersonFact> people, Map<UUID, List<ColourFact>> colours,
        Map<UUID, List<VisitFact>> visits, List<IncidentFact> incidents) {

    /**
     * A person registered by the month's end.
     *
     * @param registered the day the file was created
     * @param closeDate  the day it was closed (销册), null while open; closing is final in this program
     */
    public record PersonFact(UUID id, String name, String idNumber, String building, String staff,
            LocalDate registered, LocalDate closeDate, CloseReason closeReason, boolean fictitious,
            List<Membership> memberships) {

        /** On the register at the end of {@code day}: created by then and not closed by then. */
        public boolean registeredOn(LocalDate day) {
            return !registered.isAfter(day) && (closeDate == null || closeDate.isAfter(day));
        }

        public Membership membership(org.caredesk.people.Category c) {
            for (Membership m : memberships) {
                if (m.category() == c) {
                    return m;
                }
            }
            return null;
        }
    }

    /** One entry of the colour timeline; {@code from} is null for the first colour. */
    public record ColourFact(UUID personId, LocalDateTime at, RiskColour from, RiskColour to) {}

    /** One person's part of a visit, oldest first per person. */
    public record VisitFact(UUID visitId, UUID personId, LocalDate date, VisitType type, UrineResult urine,
            LocalDate urineDate, Integer mentalLevel, Medication medication, Boolean consent, LocalDate planned) {}

    public record IncidentFact(UUID id, UUID personId, LocalDateTime occurredAt, IncidentType type,
            LocalDateTime closedAt) {}
}
