package org.caredesk.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void halfWidth_turnsFullWidthAsciiIntoAscii() {
        assertThat(Text.halfWidth("ＡＢＣ１２３，ｘｙｚ！")).isEqualTo("ABC123,xyz!");
        assertThat(Text.halfWidth("１\u3000２")).isEqualTo("1 2");
    }

    @Test
    void halfWidth_leavesChineseAndAsciiAlone() {
        assertThat(Text.halfWidth("张三丰 abc 123 、。·")).isEqualTo("张三丰 abc 123 、。·");
        assertThat(Text.halfWidth(null)).isNull();
    }

    @Test
    void clean_stripsAndTurnsBlankIntoNull() {
        assertThat(Text.clean("  锦绣小区 ")).isEqualTo("锦绣小区");
        assertThat(Text.clean(" \t ")).isNull();
        assertThat(Text.clean("\u3000")).isNull();
        assertThat(Text.clean(null)).isNull();
    }

    @Test
    void isBlank() {
        assertThat(Text.isBlank(null)).isTrue();
        assertThat(Text.isBlank("  ")).isTrue();
        assertThat(Text.isBlank(" a ")).isFalse();
    }
}
