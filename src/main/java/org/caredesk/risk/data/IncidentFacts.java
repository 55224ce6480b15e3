package org.caredesk.risk.data;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caredesk.common.IncidentType;
import org.jooq.DSLContext;

/**
 * What the colour reads of a person's incidents. The incidents room answers it (its repository implements this), so
 * incidents depend on the colour rules and never the other way round.
 */
public interface IncidentFacts {

    /**
     * What the colour needs to know of one incident.
     *
     * @param open          still open (not closed)
     * @param lookedAtSince a visit or assessment dated on or after the incident was recorded after it was closed
     */
    record Fact(IncidentType type, LocalDateTime occurredAt, LocalDateTime recordedAt, boolean open,
            LocalDateTime closedAt, boolean lookedAtSince) {}

    /** A person's incidents as the colour sees them, inside the caller's transaction. */
    List<Fact> facts(DSLContext dsl, UUID personId);
}
