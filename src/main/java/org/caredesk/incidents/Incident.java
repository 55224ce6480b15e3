package org.caredesk.incidents;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.UUID;

/**
 * A recorded incident. It is open until completed; {@link #late} says whether it has been open longer than it may.
 *
 * @param version for edits by two people at once: an update names the version it started from
 */
public record Incident(
        UUID id,
        IncidentDraft data,
        String personName,
        IncidentStatus status,
        LocalDateTime closedAt,
        String closedBy,
        String recordedBy,
        LocalDateTime recordedAt,
        int version) {

    public boolean open() {
        return status == IncidentStatus.OPEN;
    }

    /** Open for longer than {@code limit} after it occurred (flagged on the home screen). */
    public boolean late(LocalDateTime now, Duration limit) {
        return open() && now.isAfter(data.occurredAt().plus(limit));
    }
}
