package org.caredesk.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Texts built from keys the consistency test cannot see: assessment answers and colour reasons. */
class VisitsTextsTest {
    @AfterEach
    void reset() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void everyAnswerOfEveryQuestion_andEveryColourReason_readsInBothLanguages() {
        for (Locale l : List.of(I18n.CHINESE, I18n.ENGLISH)) {
            I18n.setLocale(l);
            for (AssessmentItem item : AssessmentItem.values()) {
                for (int s = 0; s <= AssessmentItem.MAX_SCORE; s++) {
                    assertThat(I18n.has(item.answerKey(s))).as(item.answerKey(s)).isTrue();
                }
            }
            for (ColourReason r : ColourReason.values()) {
                assertThat(ColourTexts.reason(r, "3")).as(r.name()).doesNotContain("!");
            }
        }
    }

    @Test
    void reasons_readAsASentence() {
        I18n.setLocale(I18n.CHINESE);
        assertThat(ColourTexts.reason(ColourReason.CORRECTION_LEVEL, "STRICT")).isEqualTo("矫正管理等级：严管");
        assertThat(ColourTexts.reason(ColourReason.POSITIVE_URINE, "2025-05-01")).isEqualTo("2025-05-01 尿检阳性");
        assertThat(ColourTexts.reason(ColourReason.DEFAULT, null)).isEqualTo("无风险因素");
        I18n.setLocale(I18n.ENGLISH);
        assertThat(ColourTexts.reason(ColourReason.INCIDENT, "MISSING")).isEqualTo("Incident: Missing person");
        assertThat(ColourTexts.reason(ColourReason.INCIDENT, "EDITED")).isEqualTo("Incident: EDITED");
    }
}
