package org.caredesk.people.service;

import java.util.Optional;
import java.util.UUID;
import org.caredesk.people.Person;
import org.jooq.DSLContext;

/**
 * Reads one registered person inside the caller's transaction, for the rooms that keep data derived from the
 * registry (the colour keeper). They depend on this, not on the registry's repository, so its SQL can change alone.
 */
@FunctionalInterface
public interface PersonLookup {
    /** The person as stored, numbers unmasked (callers derive data from them and never show them). */
    Optional<Person> findById(DSLContext tx, UUID personId);
}
