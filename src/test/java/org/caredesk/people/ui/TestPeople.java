package org.caredesk.people.ui;

import java.util.List;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.service.PersonService;

/** Invented people with valid ID numbers for the registry's UI tests. */
final class TestPeople {
    private TestPeople() {}

    /** A valid resident ID number: an invented Beijing area code, the birth date and a sequence number. */
    static String id(String yyyymmdd, int sequence) {
        String first17 = "110105" + yyyymmdd + String.format("%03d", sequence);
        return first17 + IdNumber.checkChar(first17);
    }

    static Person elderly(PersonService people, String name, String idNumber, String building) {
        return people.register(new PersonDraft(name, IdType.RESIDENT_ID, idNumber, null, null, null, "锦绣花园",
                building, null, null, null, null, null, null, null, "王社工", null,
                List.of(Membership.of(Category.ELDERLY_ALONE))));
    }

    static Person strictCorrection(PersonService people, String name, String idNumber, String building) {
        return people.register(new PersonDraft(name, IdType.RESIDENT_ID, idNumber, null, null, null, "锦绣花园",
                building, null, null, null, null, null, null, null, "李社工", null,
                List.of(Membership.correction(CorrectionType.PROBATION, people.today().minusMonths(1),
                        people.today().plusYears(1), CorrectionLevel.STRICT))));
    }
}
