package org.caredesk.today;

import java.time.LocalDate;
import java.util.UUID;

/** A mental-disorder patient without signed consent (知情同意书) on file. */
public record ConsentItem(UUID personId, String name, String building, String responsibleStaff,
        LocalDate lastVisit) {}
