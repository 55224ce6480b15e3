package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Membership;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourTexts;
import org.caredesk.common.I18n;
import org.caredesk.common.IncidentType;
import org.caredesk.risk.RiskSettings;
import org.caredesk.risk.service.ColourDecider.AssessmentFactor;
import org.caredesk.risk.service.ColourDecider.Decision;
import org.caredesk.risk.service.ColourDecider.IncidentHold;
import org.caredesk.risk.service.ColourDecider.Inputs;
import org.junit.jupiter.api.Test;

/** The colour from each factor, the most serious one winning, overrides, incidents and their expiry. */
class ColourDeciderTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 2);
    private final ColourDecider decider = new ColourDecider(RiskSettings.DEFAULTS);

    private static Membership mental(Integer level) {
        return Membership.mentalDisorder(Diagnosis.BIPOLAR, level, null, null);
    }

    private static Membership correction(CorrectionLevel level) {
        return Membership.correction(CorrectionType.PROBATION, TODAY.minusMonths(3), TODAY.plusMonths(9), level);
    }

    private static Membership drug() {
        return Membership.drugUser(DrugProgramme.COMMUNITY_DETOX, TODAY.minusMonths(5));
    }

    private Decision decide(List<Membership> m, Integer visitLevel, LocalDate positive, AssessmentFactor a,
            ColourOverride o, IncidentHold h) {
        return decider.decide(new Inputs(m, visitLevel, positive, a, o, h), TODAY);
    }

    private static ColourOverride override(RiskColour colour, LocalDate expires, LocalDateTime updated) {
        return new ColourOverride(UUID.randomUUID(), UUID.randomUUID(), colour, "家属反映情况好转", expires, "cw",
                updated, updated, null, null, null);
    }

    @Test
    void withNoFactor_greenByDefault() {
        Decision d = decide(List.of(Membership.of(Category.ELDERLY_ALONE)), null, null, null, null, null);
        assertThat(d.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(d.reason()).isEqualTo(ColourReason.DEFAULT);
        assertThat(d.reviewOn()).isNull();
    }

    @Test
    void anUnknownRiskOrCorrectionLevel_saysDetailsMissing_notNoRiskFactor() {
        Decision mentalUnknown = decide(List.of(mental(null)), null, null, null, null, null);
        assertThat(mentalUnknown.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(mentalUnknown.reason()).isEqualTo(ColourReason.DETAILS_MISSING);
        assertThat(mentalUnknown.detail()).isEqualTo("MENTAL_RISK_LEVEL");

        Decision correctionUnknown = decide(List.of(correction(null)), null, null, null, null, null);
        assertThat(correctionUnknown.reason()).isEqualTo(ColourReason.DETAILS_MISSING);
        assertThat(correctionUnknown.detail()).isEqualTo("CORRECTION_LEVEL");
        I18n.setLocale(I18n.CHINESE);
        assertThat(ColourTexts.reason(correctionUnknown.reason(), correctionUnknown.detail()))
                .isEqualTo("管理级别未知（资料待补），暂无风险因素");
    }

    @Test
    void aKnownFactor_outranksTheMissingDetail() {
        // A visit assessed the level: it is known, whatever the registry lacks.
        Decision visited = decide(List.of(mental(null)), 0, null, null, null, null);
        assertThat(visited.reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        Decision assessed = decide(List.of(mental(null)), null, null, new AssessmentFactor(RiskColour.YELLOW, 6),
                null, null);
        assertThat(assessed.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(assessed.reason()).isEqualTo(ColourReason.ASSESSMENT);
    }

    @Test
    void theLatestVisitsMentalLevel_replacesTheRegistrysLevel() {
        assertThat(decide(List.of(mental(4)), null, null, null, null, null).colour()).isEqualTo(RiskColour.RED);
        Decision d = decide(List.of(mental(4)), 0, null, null, null, null);
        assertThat(d.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(d.reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        assertThat(d.detail()).isEqualTo("0");
    }

    @Test
    void theMostSeriousFactorWins() {
        Decision d = decide(List.of(mental(1), correction(CorrectionLevel.STRICT)), null, null,
                new AssessmentFactor(RiskColour.YELLOW, 5), null, null);
        assertThat(d.colour()).isEqualTo(RiskColour.RED);
        assertThat(d.reason()).isEqualTo(ColourReason.CORRECTION_LEVEL);
        assertThat(d.detail()).isEqualTo("STRICT");

        Decision a = decide(List.of(Membership.of(Category.RELEASED_PRISONER)), null, null,
                new AssessmentFactor(RiskColour.RED, 8), null, null);
        assertThat(a.colour()).isEqualTo(RiskColour.RED);
        assertThat(a.reason()).isEqualTo(ColourReason.ASSESSMENT);
        assertThat(a.detail()).isEqualTo("8");
    }

    @Test
    void aPositiveUrineTest_makesADrugUserRedFor6Months_thenTheColourIsReviewed() {
        LocalDate tested = LocalDate.of(2024, 12, 2);
        Decision red = decide(List.of(drug()), null, tested, null, null, null);
        assertThat(red.colour()).isEqualTo(RiskColour.RED);
        assertThat(red.reason()).isEqualTo(ColourReason.POSITIVE_URINE);
        assertThat(red.reviewOn()).isEqualTo(LocalDate.of(2025, 6, 3));

        Decision aged = decide(List.of(drug()), null, LocalDate.of(2024, 12, 1), null, null, null);
        assertThat(aged.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(aged.reviewOn()).isNull();
    }

    @Test
    void aPositiveTest_ofSomeoneNotADrugUser_doesNotCount() {
        assertThat(decide(List.of(Membership.of(Category.OTHER)), null, TODAY, null, null, null).colour())
                .isEqualTo(RiskColour.GREEN);
    }

    @Test
    void anActiveOverride_replacesTheRules_untilItsLastDay() {
        ColourOverride o = override(RiskColour.YELLOW, TODAY, TODAY.atStartOfDay().minusDays(10));
        Decision d = decide(List.of(mental(5)), null, null, null, o, null);
        assertThat(d.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(d.reason()).isEqualTo(ColourReason.OVERRIDE);
        assertThat(d.detail()).isEqualTo("家属反映情况好转");
        assertThat(d.reviewOn()).isEqualTo(TODAY.plusDays(1));
        assertThat(d.overrideExpired()).isFalse();
    }

    @Test
    void anOverridePastItsLastDay_expires_andTheRulesApplyAgain() {
        ColourOverride o = override(RiskColour.GREEN, TODAY.minusDays(1), TODAY.atStartOfDay().minusDays(91));
        Decision d = decide(List.of(mental(5)), null, null, null, o, null);
        assertThat(d.colour()).isEqualTo(RiskColour.RED);
        assertThat(d.reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        assertThat(d.overrideExpired()).isTrue();
    }

    @Test
    void anIncident_makesRed_evenOverAnEarlierOverride_butALaterOverrideWins() {
        LocalDateTime incidentAt = TODAY.atTime(8, 0);
        IncidentHold hold = new IncidentHold(IncidentType.SELF_HARM, incidentAt);

        Decision plain = decide(List.of(Membership.of(Category.ELDERLY_ALONE)), null, null, null, null, hold);
        assertThat(plain.colour()).isEqualTo(RiskColour.RED);
        assertThat(plain.reason()).isEqualTo(ColourReason.INCIDENT);
        assertThat(plain.detail()).isEqualTo("SELF_HARM");

        Decision earlier = decide(List.of(), null, null, null,
                override(RiskColour.GREEN, TODAY.plusDays(30), incidentAt.minusDays(2)), hold);
        assertThat(earlier.reason()).isEqualTo(ColourReason.INCIDENT);

        Decision later = decide(List.of(), null, null, null,
                override(RiskColour.YELLOW, TODAY.plusDays(30), incidentAt.plusHours(3)), hold);
        assertThat(later.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(later.reason()).isEqualTo(ColourReason.OVERRIDE);
    }

    @Test
    void theMappingIsASetting() {
        RiskSettings strict = new RiskSettings(7, 14, 30, 3, 3, 14, 1, 2, 3, 6, 30, 90, 24, 2, 4,
                new org.caredesk.people.service.ColourRules.Mapping(1, 2, RiskSettings.DEFAULTS.mapping()
                        .correction()));
        ColourDecider d = new ColourDecider(strict);
        assertThat(d.decide(new Inputs(List.of(mental(2)), null, null, null, null, null), TODAY).colour())
                .isEqualTo(RiskColour.RED);
        assertThat(d.decide(new Inputs(List.of(), null, null, new AssessmentFactor(strict.assessmentColour(4), 4),
                null, null), TODAY).colour()).isEqualTo(RiskColour.RED);
    }
}
