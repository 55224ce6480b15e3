package org.caredesk.people;

import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.PersonStatus;

/**
 * One line of the people list. It never carries the full ID or phone number, only masked forms. {@code fictitious}
 * marks a person the demo or {@code generate} invented.
 */
public record PersonRow(
        UUID id,
        String name,
        String maskedIdNumber,
        String maskedPhone,
        Set<Category> categories,
        RiskColour colour,
        String estate,
        String building,
        String responsibleStaff,
        PersonStatus status,
        boolean fictitious) {

    public PersonRow {
        categories = Set.copyOf(categories);
    }

    /** A real person's line. */
    public PersonRow(UUID id, String name, String maskedIdNumber, String maskedPhone, Set<Category> categories,
            RiskColour colour, String estate, String building, String responsibleStaff, PersonStatus status) {
        this(id, name, maskedIdNumber, maskedPhone, categories, colour, estate, building, responsibleStaff, status,
                false);
    }
}
