package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.caredesk.common.IdNumber;
import org.caredesk.people.PersonDraft;

class SyntheticPeopleProperties {
    private static final LocalDate TODAY = LocalDate.of(2025, 3, 14);

    @Property(tries = 25)
    void anySeedAndStart_giveValidPeopleWithDistinctIds(@ForAll long seed,
            @ForAll @LongRange(min = 0, max = SyntheticPeople.MAX_PEOPLE - 1_000) long first) {
        Set<String> ids = new HashSet<>();
        for (PersonDraft d : new SyntheticPeople(seed, first, TODAY).next(200)) {
            assertThat(PersonValidator.check(d, TODAY).problems()).as(d.toString()).isEmpty();
            assertThat(IdNumber.check(d.idNumber(), TODAY).valid()).isTrue();
            assertThat(ids.add(d.idNumber())).isTrue();
        }
    }

    @Property(tries = 200)
    void idNumber_isAFunctionOfTheCounterThatNeverRepeats(
            @ForAll @LongRange(min = 0, max = SyntheticPeople.MAX_PEOPLE - 1) long a,
            @ForAll @LongRange(min = 0, max = SyntheticPeople.MAX_PEOPLE - 1) long b) {
        LocalDate birth = LocalDate.of(1970, 1, 1);
        String idA = SyntheticPeople.idNumber(a, birth);
        String idB = SyntheticPeople.idNumber(b, birth);
        assertThat(idA.equals(idB)).isEqualTo(a == b);
        assertThat(IdNumber.isValid(idA, TODAY)).isTrue();
    }
}
