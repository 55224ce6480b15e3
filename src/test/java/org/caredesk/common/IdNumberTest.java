package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class IdNumberTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static String withCheckChar(String first17) {
        return first17 + IdNumber.checkChar(first17);
    }

    @Test
    void standardExample_isValidFemaleBornOnNewYearsEve1949() {
        String id = "11010519491231002X";

        IdNumber.Check check = IdNumber.check(id, TODAY);

        assertThat(check.valid()).isTrue();
        assertThat(check.oldBirthWarning()).isFalse();
        assertThat(IdNumber.sex(id)).isEqualTo(Sex.FEMALE);
        assertThat(IdNumber.parseBirth(id)).contains(LocalDate.of(1949, 12, 31));
        assertThat(IdNumber.checkChar("11010519491231002")).isEqualTo('X');
    }

    @Test
    void bornIn1880_isValidWithTheOldBirthWarning() {
        IdNumber.Check check = IdNumber.check("440524188001010014", TODAY);

        assertThat(check.valid()).isTrue();
        assertThat(check.oldBirthWarning()).isTrue();
        assertThat(IdNumber.sex("440524188001010014")).isEqualTo(Sex.MALE);
    }

    @Test
    void everySingleDigitChangeOfTheStandardExample_isRejected() {
        String id = "11010519491231002X";
        String allowed = "0123456789X";
        for (int i = 0; i < id.length(); i++) {
            for (char c : allowed.toCharArray()) {
                if (c == id.charAt(i)) {
                    continue;
                }
                String changed = id.substring(0, i) + c + id.substring(i + 1);
                assertThat(IdNumber.isValid(changed, TODAY)).as(changed).isFalse();
            }
        }
    }

    @Test
    void futureBirthDate_isRejected() {
        String tomorrow = withCheckChar("110105" + "20250602" + "001");

        assertThat(IdNumber.check(tomorrow, TODAY).problem()).isEqualTo(IdNumber.Problem.FUTURE_BIRTH_DATE);
    }

    @Test
    void bornToday_isRejectedBecauseTheBirthDateMustBeInThePast() {
        String today = withCheckChar("110105" + "20250601" + "001");

        assertThat(IdNumber.check(today, TODAY).problem()).isEqualTo(IdNumber.Problem.FUTURE_BIRTH_DATE);
        assertThat(IdNumber.isValid(today, TODAY.plusDays(1))).isTrue();
    }

    @Test
    void february30_isRejectedAsABadDateEvenWithTheRightCheckCharacter() {
        String feb30 = withCheckChar("110105" + "19900230" + "001");

        assertThat(IdNumber.check(feb30, TODAY).problem()).isEqualTo(IdNumber.Problem.BIRTH_DATE);
        assertThat(IdNumber.parseBirth(feb30)).isEmpty();
    }

    @Test
    void february29_isValidOnlyInALeapYear() {
        assertThat(IdNumber.isValid(withCheckChar("110105" + "20000229" + "001"), TODAY)).isTrue();
        assertThat(IdNumber.check(withCheckChar("110105" + "19000229" + "001"), TODAY).problem())
                .isEqualTo(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void monthThirteen_isRejected() {
        assertThat(IdNumber.check(withCheckChar("110105" + "19901301" + "001"), TODAY).problem())
                .isEqualTo(IdNumber.Problem.BIRTH_DATE);
    }

    @Test
    void wrongLengthAndCharacters_areNamed() {
        assertThat(IdNumber.check("", TODAY).problem()).isEqualTo(IdNumber.Problem.EMPTY);
        assertThat(IdNumber.check(null, TODAY).problem()).isEqualTo(IdNumber.Problem.EMPTY);
        assertThat(IdNumber.check("11010519491231002", TODAY).problem()).isEqualTo(IdNumber.Problem.LENGTH);
        assertThat(IdNumber.check("11010519491231002X1", TODAY).problem()).isEqualTo(IdNumber.Problem.LENGTH);
        assertThat(IdNumber.check("1101051949123100X2", TODAY).problem()).isEqualTo(IdNumber.Problem.CHARACTERS);
        assertThat(IdNumber.check("11010519491231002Y", TODAY).problem()).isEqualTo(IdNumber.Problem.CHARACTERS);
        assertThat(IdNumber.check("11010519491231002１", TODAY).problem()).isEqualTo(IdNumber.Problem.CHECKSUM);
    }

    @Test
    void lowerCaseXAndFullWidthDigits_normalise() {
        assertThat(IdNumber.normalise("11010519491231002x")).isEqualTo("11010519491231002X");
        assertThat(IdNumber.normalise("１１０１０５１９４９１２３１００２ｘ")).isEqualTo("11010519491231002X");
        assertThat(IdNumber.normalise(" 110105 19491231 002X ")).isEqualTo("11010519491231002X");
        assertThat(IdNumber.normalise(null)).isEmpty();
    }

    @Test
    void checkChar_needsExactly17Digits() {
        assertThatThrownBy(() -> IdNumber.checkChar("1101051949123100")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mask_keepsFirstThreeAndLastFour() {
        assertThat(IdNumber.mask("11010519491231002X")).isEqualTo("110***********002X");
        assertThat(IdNumber.mask("E1234567")).isEqualTo("E12*4567");
        assertThat(IdNumber.mask("1234567")).isEqualTo("*******");
        assertThat(IdNumber.mask("")).isEmpty();
        assertThat(IdNumber.mask(null)).isEmpty();
    }
}
