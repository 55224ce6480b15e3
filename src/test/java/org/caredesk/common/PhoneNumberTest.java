package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumberTest {
    @ParameterizedTest
    @ValueSource(strings = {"13800138000", "+86 138 0013 8000", "+86-138-0013-8000", "138-0013-8000",
        "0086 13800138000", "8613800138000", "１３８００１３８０００", "(+86) 138 0013 8000", " 138\u30000013 8000 "})
    void spacesDashesAndCountryCode_areStripped(String typed) {
        assertThat(PhoneNumber.normalise(typed)).isEqualTo("13800138000");
        assertThat(PhoneNumber.isValid(typed)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"13000000000", "14500000000", "15900000000", "16600000000", "17700000000",
        "18800000000", "19900000000"})
    void everySecondDigitFrom3To9_isAMobileNumber(String number) {
        assertThat(PhoneNumber.isValid(number)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "12800138000", "10800138000", "1380013800", "138001380001", "23800138000",
        "1380013800a", "010-12345678", "+1 13800138000"})
    void otherNumbers_areNotMobileNumbers(String typed) {
        assertThat(PhoneNumber.isValid(typed)).isFalse();
    }

    @Test
    void nullNormalisesToEmpty() {
        assertThat(PhoneNumber.normalise(null)).isEmpty();
        assertThat(PhoneNumber.isValid(null)).isFalse();
    }

    @Test
    void mask_keepsFirstThreeAndLastFour() {
        assertThat(PhoneNumber.mask("13800138000")).isEqualTo("138****8000");
        assertThat(PhoneNumber.mask("1234567")).isEqualTo("*******");
        assertThat(PhoneNumber.mask(null)).isEmpty();
    }
}
