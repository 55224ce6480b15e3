package org.caredesk.people.service;

import java.util.List;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.people.data.MissingDetailsRepository;
import org.jooq.DSLContext;

/**
 * Who is 资料待补, for the screens and reports that read it inside their own transaction (the monthly report's
 * data-quality section reads it in the same {@code ConsistentRead} as its other figures). The caller checks the
 * permission of the screen it serves. The state is today's: the program keeps no history of when a detail was
 * filled in, so a past month's report lists the people whose details are still missing now.
 */
public final class MissingDetailsService {
    private final MissingDetailsRepository repository;

    public MissingDetailsService(MissingDetailsRepository repository) {
        this.repository = repository;
    }

    public MissingDetailsService() {
        this(new MissingDetailsRepository());
    }

    /** Every active (在册) person with a category detail still to be filled in, with those fields, by name. */
    public List<PersonMissingDetails> activePeople(DSLContext tx) {
        return repository.active(tx);
    }
}
