package org.caredesk.people;

import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.PersonStatus;

/**
 * A search of the people list: free text plus filters, sort and page. Nulls mean "any".
 *
 * @param text search text: part of the name, pinyin initials or full pinyin, part of the ID or phone number
 */
public record PersonQuery(
        String text,
        Category category,
        RiskColour colour,
        PersonStatus status,
        String building,
        Sort sort,
        boolean ascending,
        int offset,
        int limit) {

    public enum Sort { NAME, COLOUR, BUILDING, STATUS, CREATED }

    public static final int DEFAULT_PAGE_SIZE = 50;

    public PersonQuery {
        if (sort == null) {
            sort = Sort.NAME;
        }
        if (limit <= 0) {
            limit = DEFAULT_PAGE_SIZE;
        }
        if (offset < 0) {
            offset = 0;
        }
    }

    /** Active people matching a text, first page, by name. */
    public static PersonQuery text(String text) {
        return new PersonQuery(text, null, null, PersonStatus.ACTIVE, null, Sort.NAME, true, 0, DEFAULT_PAGE_SIZE);
    }

    public static PersonQuery all() {
        return new PersonQuery(null, null, null, null, null, Sort.NAME, true, 0, DEFAULT_PAGE_SIZE);
    }

    public PersonQuery withPage(int newOffset, int newLimit) {
        return new PersonQuery(text, category, colour, status, building, sort, ascending, newOffset, newLimit);
    }
}
