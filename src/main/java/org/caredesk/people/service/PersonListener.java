package org.caredesk.people.service;

import java.util.List;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.jooq.DSLContext;

/**
 * What else happens, in the same transaction, when files are registered, edited or closed: the visits area keeps
 * each person's schedule and colour, which depend on more than the registry (visits, assessments, overrides,
 * incidents). The registry knows nothing of those; it only asks for the colour that now stands.
 */
public interface PersonListener {
    /** Nothing else to do: the registry's own colour stands. */
    PersonListener NONE = new PersonListener() {
        @Override
        public void registered(DSLContext tx, List<Person> people) {
            // The registry alone: nothing else is kept per person.
        }

        @Override
        public RiskColour changed(DSLContext tx, Person before, Person after) {
            return after.colour();
        }

        @Override
        public void removing(DSLContext tx, List<UUID> people) {
            // The registry alone: nothing else refers to a person.
        }
    };

    /** After new files were inserted (one, or an import's many). */
    void registered(DSLContext tx, List<Person> people);

    /**
     * After a file was edited or closed and written with the registry's own colour.
     *
     * @return the person's colour as it now stands, as written to the file
     */
    RiskColour changed(DSLContext tx, Person before, Person after);

    /**
     * Before the files of an interrupted bulk write are deleted (docs/decisions/0017): remove everything kept for
     * these people, so the registry can delete them. Never called for anything else; nobody deletes a person.
     */
    void removing(DSLContext tx, List<UUID> people);
}
