package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** GB 11643 resident ID numbers, over generated numbers rather than a handful of examples. */
class IdNumberProperties {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Every character a resident ID number may hold at some position. */
    private static final String ALLOWED = "0123456789X";

    /** A valid number: 6 region digits, a real past birth date, 3 sequence digits and the check character. */
    @Provide
    Arbitrary<String> validIds() {
        Arbitrary<String> region = Arbitraries.strings().numeric().ofLength(6);
        Arbitrary<LocalDate> birth = Arbitraries.longs()
                .between(LocalDate.of(1800, 1, 1).toEpochDay(), TODAY.minusDays(1).toEpochDay())
                .map(LocalDate::ofEpochDay);
        Arbitrary<String> sequence = Arbitraries.strings().numeric().ofLength(3);
        return Combinators.combine(region, birth, sequence).as((r, b, s) -> {
            String first17 = r + b.format(BASIC) + s;
            return first17 + IdNumber.checkChar(first17);
        });
    }

    @Property
    void everyGeneratedValidNumber_passes(@ForAll("validIds") String id) {
        IdNumber.Check check = IdNumber.check(id, TODAY);

        assertThat(check.valid()).as(id).isTrue();
        assertThat(check.normalised()).isEqualTo(id);
        LocalDate birth = LocalDate.parse(id.substring(6, 14), BASIC);
        assertThat(IdNumber.parseBirth(id)).contains(birth);
        assertThat(check.oldBirthWarning()).isEqualTo(birth.getYear() < IdNumber.OLD_BIRTH_YEAR);
        assertThat(IdNumber.sex(id)).isEqualTo((id.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    /**
     * A single mistyped character is always caught: the weights are all non-zero modulo the prime 11, so any one
     * changed digit changes the checksum. A change inside the birth date may be caught as a bad date first.
     */
    @Property
    void everySingleCharacterChange_isRejected(@ForAll("validIds") String id,
            @ForAll @IntRange(min = 0, max = 17) int position, @ForAll @IntRange(min = 1, max = 10) int shift) {
        char original = id.charAt(position);
        char replacement = ALLOWED.charAt((ALLOWED.indexOf(original) + shift) % ALLOWED.length());
        String changed = id.substring(0, position) + replacement + id.substring(position + 1);

        IdNumber.Check check = IdNumber.check(changed, TODAY);

        assertThat(check.valid()).as("%s (position %d: %s → %s)", changed, position, original, replacement)
                .isFalse();
        assertThat(check.problem()).isIn(IdNumber.Problem.CHECKSUM, IdNumber.Problem.BIRTH_DATE,
                IdNumber.Problem.FUTURE_BIRTH_DATE, IdNumber.Problem.CHARACTERS);
    }

    /** Full-width digits (from a Chinese input method), lower-case x and stray spaces all mean the same number. */
    @Property
    void fullWidthDigitsAndLowerCaseX_normaliseToTheSameValidNumber(@ForAll("validIds") String id,
            @ForAll @Size(18) List<Boolean> fullWidth, @ForAll boolean lowerCase, @ForAll boolean spaced) {
        StringBuilder typed = new StringBuilder();
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c == 'X' && lowerCase) {
                c = 'x';
            }
            typed.append(fullWidth.get(i) ? (char) (c + 0xFEE0) : c);
            if (spaced && i % 6 == 5) {
                typed.append(i % 12 == 5 ? ' ' : '\u3000');
            }
        }

        assertThat(IdNumber.normalise(typed.toString())).isEqualTo(id);
        assertThat(IdNumber.check(typed.toString(), TODAY).valid()).isTrue();
    }

    @Property
    void mask_keepsFirstThreeAndLastFour(@ForAll("validIds") String id) {
        String masked = IdNumber.mask(id);

        assertThat(masked).hasSize(18)
                .startsWith(id.substring(0, 3))
                .endsWith(id.substring(14))
                .isEqualTo(id.substring(0, 3) + "*".repeat(11) + id.substring(14));
    }
}
