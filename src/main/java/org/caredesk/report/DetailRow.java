package org.caredesk.report;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One record behind a count: the person (masked ID number, and the id that opens the file), and for events the day
 * and a short note (e.g. the due date and the visit that answered it).
 *
 * @param maskedIdNumber masked as everywhere else ({@code IdNumber.mask}); the report never holds a full number
 * @param date           the day that placed the record in the figure (visit, due date, closing), null for a stock
 * @param note           what else a reader needs to check the row, null when nothing
 * @param fictitious     the person was written by the demo or {@code generate}
 */
public record DetailRow(UUID personId, String name, String maskedIdNumber, String building, String staff,
        LocalDate date, String note, boolean fictitious) {}
