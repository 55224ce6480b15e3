package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.caredesk.common.Problem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {
    private static List<String> keys(String password) {
        return PasswordPolicy.check("password", password == null ? null : password.toCharArray()).stream()
                .map(Problem::key).toList();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Abcdefg1",          // upper, lower, digit; exactly 8
        "abcdefg1!",         // lower, digit, other
        "ABCDEFG1#",         // upper, digit, other
        "Abcdefgh!",         // upper, lower, other
        "Zhang San 1990",    // a space counts as "other"
        "社区服务中心abc1",    // Chinese characters count as "other"
        "correct Horse battery staple"
    })
    void acceptable(String password) {
        assertThat(keys(password)).isEmpty();
    }

    @Test
    void tooShort_saysTheMinimumAndTheLength() {
        List<Problem> problems = PasswordPolicy.check("password", "Ab1!xyz".toCharArray());
        assertThat(problems).extracting(Problem::key).containsExactly("problem.password.tooShort");
        assertThat(problems.get(0).args()).containsExactly("8", "7");
    }

    @ParameterizedTest
    @ValueSource(strings = {"abcdefgh", "abcdefgh12", "ABCDEFGH12", "12345678", "password1", "!!!!@@@@aa"})
    void twoKindsOfCharacter_areNotEnough(String password) {
        assertThat(keys(password)).containsExactly("problem.password.classes");
    }

    @Test
    void shortAndOneKind_reportsBoth() {
        assertThat(keys("abc")).containsExactly("problem.password.tooShort", "problem.password.classes");
    }

    @Test
    void empty_isRequired() {
        assertThat(keys("")).containsExactly("problem.password.required");
        assertThat(keys(null)).containsExactly("problem.password.required");
    }

    @Test
    void fullWidthLettersAndDigits_countAsOther_notAsLettersOrDigits() {
        // ＡＢＣ１２３ typed with a Chinese input method: a different password from ABC123 on a half-width keyboard.
        assertThat(PasswordPolicy.classes("ＡＢＣ１２３ab".toCharArray())).isEqualTo(2);
    }

    @Test
    void lengthCountsCharacters_notUtf16Units() {
        // Seven characters, one of them outside the Basic Multilingual Plane (two chars in Java).
        assertThat(keys("Ab1!xy\uD842\uDFB7")).containsExactly("problem.password.tooShort");
        assertThat(keys("Ab1!xyz\uD842\uDFB7")).isEmpty();
    }

    @Test
    void overTheCap_isRefused() {
        String longOne = "Ab1!".repeat(33);
        assertThat(keys(longOne)).containsExactly("problem.password.tooLong");
        assertThat(keys(longOne.substring(0, PasswordPolicy.MAX_LENGTH))).isEmpty();
    }

    @Test
    void problemsCarryTheFieldAskedFor() {
        assertThat(PasswordPolicy.check("newPassword", "x".toCharArray())).extracting(Problem::field)
                .containsOnly("newPassword");
    }
}
