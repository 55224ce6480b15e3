package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class DateTextTest {
    @Test
    void parse_acceptsTheWaysDatesAreTyped() {
        LocalDate d = LocalDate.of(2024, 3, 5);
        for (String s : new String[] {"2024-03-05", "2024-3-5", "2024/3/5", "2024.03.05", "20240305",
                "2024年3月5日", " ２０２４－０３－０５ "}) {
            assertThat(DateText.parse(s)).as(s).contains(d);
        }
    }

    @Test
    void parse_refusesImpossibleOrGarbledDates() {
        for (String s : new String[] {"2024-02-30", "2024-13-01", "24-3-5", "昨天", "2024-03", "", "   "}) {
            assertThat(DateText.parse(s)).as(s).isEmpty();
        }
        assertThat(DateText.parse(null)).isEmpty();
    }

    @Test
    void format_isIsoAndEmptyForNull() {
        assertThat(DateText.format(LocalDate.of(2021, 3, 15))).isEqualTo("2021-03-15");
        assertThat(DateText.format(null)).isEmpty();
    }

    @Test
    void dateInput_flagsUnparseableTextButNotBlank() {
        DateInput in = new DateInput();
        assertThat(in.isUnparseable()).isFalse();
        in.textProperty().set("2024-02-30");
        assertThat(in.isUnparseable()).isTrue();
        assertThat(in.value()).isNull();
        in.set(LocalDate.of(2024, 2, 29));
        assertThat(in.textProperty().get()).isEqualTo("2024-02-29");
        assertThat(in.isUnparseable()).isFalse();
    }
}
