package org.caredesk.people;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Sex;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.PersonStatus;

/**
 * A registered person as stored: the checked, normalised {@link PersonDraft} plus what the program derives or
 * tracks (birth date and sex from the ID, colour, status, version for concurrent edits).
 */
public record Person(
        UUID id,
        PersonDraft data,
        LocalDate birthDate,
        Sex sex,
        RiskColour colour,
        PersonStatus status,
        CloseReason closeReason,
        LocalDate closeDate,
        String closeNote,
        int version,
        LocalDateTime createdAt,
        LocalDateTime updatedAt) {

    public String name() {
        return data.name();
    }

    public boolean isClosed() {
        return status == PersonStatus.CLOSED;
    }

    /** The same file with its ID, phone and certificate numbers masked, as the screens show it. */
    public Person withNumbersMasked() {
        PersonDraft shown = PersonNumbers.of(data).masked().applyTo(data);
        return new Person(id, shown, birthDate, sex, colour, status, closeReason, closeDate, closeNote, version,
                createdAt, updatedAt);
    }
}
