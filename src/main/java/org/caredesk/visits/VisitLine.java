package org.caredesk.visits;

import java.time.LocalDate;
import java.util.UUID;

/** One person-visit: a line behind a month's count on the board. */
public record VisitLine(UUID visitId, UUID personId, String personName, LocalDate visitDate, VisitType type,
        String staff) {}
