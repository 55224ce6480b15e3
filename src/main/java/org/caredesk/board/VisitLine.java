package org.caredesk.board;

import java.time.LocalDate;
import java.util.UUID;
import org.caredesk.visits.VisitType;

/** One person-visit: a line behind a month's count on the board. */
public record VisitLine(UUID visitId, UUID personId, String personName, LocalDate visitDate, VisitType type,
        String staff) {}
