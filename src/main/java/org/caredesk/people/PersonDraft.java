package org.caredesk.people;

import java.util.List;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;

/**
 * What a user types (form) or a roster row holds (import) for one person, before the service checks and
 * normalises it. Blank strings and nulls both mean "not given".
 */
public record PersonDraft(
        String name,
        IdType idType,
        String idNumber,
        String ethnicity,
        String phone1,
        String phone2,
        String estate,
        String building,
        String unit,
        String room,
        String householdAddress,
        LivingSituation livingSituation,
        String emergencyName,
        String emergencyRelation,
        String emergencyPhone,
        String responsibleStaff,
        String note,
        List<Membership> memberships) {

    public PersonDraft {
        memberships = memberships == null ? List.of() : List.copyOf(memberships);
        if (idType == null) {
            idType = IdType.RESIDENT_ID;
        }
    }

    public static PersonDraft minimal(String name, String idNumber, List<Membership> memberships) {
        return new PersonDraft(name, IdType.RESIDENT_ID, idNumber, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, memberships);
    }

    public java.util.Set<Category> categories() {
        java.util.EnumSet<Category> set = java.util.EnumSet.noneOf(Category.class);
        memberships.forEach(m -> set.add(m.category()));
        return set;
    }

    /** The membership of {@code category}, or null when the person is not in it. */
    public Membership membership(Category category) {
        return memberships.stream().filter(m -> m.category() == category).findFirst().orElse(null);
    }
}
