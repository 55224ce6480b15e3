package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ColourRulesTest {
    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private static Membership mental(Integer level) {
        return Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, null, null);
    }

    private static Membership correction(CorrectionLevel level) {
        return Membership.correction(CorrectionType.PROBATION, START, START.plusYears(1), level);
    }

    @ParameterizedTest
    @CsvSource({"0, GREEN", "1, YELLOW", "2, YELLOW", "3, RED", "4, RED", "5, RED"})
    void mentalDisorderRiskLevel(int level, RiskColour expected) {
        assertThat(ColourRules.defaultColour(List.of(mental(level)))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"STRICT, RED", "NORMAL, YELLOW", "LENIENT, GREEN"})
    void correctionLevel(CorrectionLevel level, RiskColour expected) {
        assertThat(ColourRules.defaultColour(List.of(correction(level)))).isEqualTo(expected);
    }

    @Test
    void populationsWithoutARule_areGreenUntilAnAssessmentExists() {
        for (Category c : List.of(Category.RELEASED_PRISONER, Category.DRUG_USER, Category.ELDERLY_ALONE,
                Category.DISABLED, Category.OTHER)) {
            assertThat(ColourRules.defaultColour(List.of(Membership.of(c)))).as(c.name()).isEqualTo(RiskColour.GREEN);
        }
        assertThat(ColourRules.defaultColour(List.of())).isEqualTo(RiskColour.GREEN);
        assertThat(ColourRules.defaultColour(List.of(mental(null), correction(null)))).isEqualTo(RiskColour.GREEN);
    }

    @Test
    void severalCategories_takeTheMostSerious() {
        assertThat(ColourRules.defaultColour(List.of(mental(1), correction(CorrectionLevel.LENIENT))))
                .isEqualTo(RiskColour.YELLOW);
        assertThat(ColourRules.defaultColour(List.of(correction(CorrectionLevel.STRICT), mental(0))))
                .isEqualTo(RiskColour.RED);
        assertThat(ColourRules.defaultColour(List.of(Membership.of(Category.DRUG_USER), mental(4),
                correction(CorrectionLevel.NORMAL)))).isEqualTo(RiskColour.RED);
        assertThat(ColourRules.defaultColour(List.of(Membership.of(Category.ELDERLY_ALONE),
                correction(CorrectionLevel.NORMAL)))).isEqualTo(RiskColour.YELLOW);
    }
}
