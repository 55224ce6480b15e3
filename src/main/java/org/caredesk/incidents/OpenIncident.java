package org.caredesk.incidents;

import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.IncidentType;

/** An incident still open: a line of the home screen; {@code late} when open longer than allowed (24 h). */
public record OpenIncident(
        UUID incidentId,
        UUID personId,
        String personName,
        IncidentType type,
        LocalDateTime occurredAt,
        boolean late) {}
