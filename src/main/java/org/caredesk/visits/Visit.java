package org.caredesk.visits;

import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;

/** A saved visit: the checked, cleaned draft (each person's part with the name and next visit filled in). */
public record Visit(UUID id, VisitDraft data, String recordedBy, LocalDateTime recordedAt) {

    /** One person's part of this visit. */
    public Optional<VisitPerson> partOf(UUID personId) {
        return data.people().stream().filter(p -> p.personId().equals(personId)).findFirst();
    }
}
