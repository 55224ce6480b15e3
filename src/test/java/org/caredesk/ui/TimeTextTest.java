package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class TimeTextTest {
    @Test
    void parse_acceptsTheClockForm() {
        assertThat(TimeText.parse("9:05")).contains(LocalTime.of(9, 5));
        assertThat(TimeText.parse(" 21：30 ")).contains(LocalTime.of(21, 30));
        assertThat(TimeText.parse("７.４５")).contains(LocalTime.of(7, 45));
        assertThat(TimeText.parse("０９：３０")).contains(LocalTime.of(9, 30));
    }

    @Test
    void parse_acceptsTheChineseForm() {
        assertThat(TimeText.parse("14点20分")).contains(LocalTime.of(14, 20));
        assertThat(TimeText.parse("8点30")).contains(LocalTime.of(8, 30));
        assertThat(TimeText.parse("８点５分")).contains(LocalTime.of(8, 5));
    }

    @Test
    void parse_refusesWhatIsNoTimeOfDay() {
        for (String s : new String[] {"24:00", "9:60", "9点", "930", "昨天", "", "   "}) {
            assertThat(TimeText.parse(s)).as(s).isEmpty();
        }
        assertThat(TimeText.parse(null)).isEmpty();
    }

    @Test
    void format_isTwentyFourHour() {
        assertThat(TimeText.FORMAT.format(LocalTime.of(7, 5))).isEqualTo("07:05");
    }
}
