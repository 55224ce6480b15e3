package org.caredesk.people;

import java.util.List;
import java.util.UUID;

/**
 * A person marked 资料待补 and the category details still to be filled in (see {@link MissingDetails}).
 *
 * @param fields the missing details, in category and form order; never empty
 */
public record PersonMissingDetails(UUID personId, String name, String building, String responsibleStaff,
        List<PersonField> fields) {
    public PersonMissingDetails {
        fields = List.copyOf(fields);
    }

    /** "释放日期、危险性等级" in the current language. */
    public String labels() {
        return MissingDetails.labels(fields);
    }
}
