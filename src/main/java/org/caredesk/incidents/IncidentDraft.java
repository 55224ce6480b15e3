package org.caredesk.incidents;

import java.time.LocalDateTime;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.IncidentType;

/**
 * An emergency (应急处置) as the form gives it.
 *
 * @param occurredAt    when it happened; not later than now
 * @param description   what happened (optional)
 * @param actionsTaken  what was done; required
 * @param notified      who was notified (公安 医院 家属 精防机构), several or none, kept in the enum's order
 * @param outcome       the outcome; required to close the incident
 */
public record IncidentDraft(
        UUID personId,
        LocalDateTime occurredAt,
        IncidentType type,
        String description,
        String actionsTaken,
        Set<NotifiedParty> notified,
        String outcome) {

    public IncidentDraft {
        notified = notified == null || notified.isEmpty() ? Set.of()
                : Collections.unmodifiableSet(EnumSet.copyOf(notified));
    }
}
