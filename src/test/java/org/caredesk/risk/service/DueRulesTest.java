package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.caredesk.common.RiskColour;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.risk.RiskSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Due dates with fixed dates: intervals, caps, month ends, leap years, overdue boundaries, term windows. */
class DueRulesTest {
    private final DueRules rules = new DueRules(RiskSettings.DEFAULTS, PeopleRules.DEFAULTS);

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest
    @CsvSource({"RED, 2025-06-09", "YELLOW, 2025-06-16", "GREEN, 2025-07-02"})
    void nextVisit_followsTheColoursInterval(RiskColour colour, LocalDate expected) {
        assertThat(rules.nextVisit(d("2025-06-02"), null, colour, false, null)).isEqualTo(expected);
    }

    @Test
    void nextVisit_acrossTheYearEndAndFebruaryOfALeapYear() {
        assertThat(rules.nextVisit(d("2024-12-28"), null, RiskColour.RED, false, null)).isEqualTo(d("2025-01-04"));
        assertThat(rules.nextVisit(d("2024-02-22"), null, RiskColour.RED, false, null)).isEqualTo(d("2024-02-29"));
        assertThat(rules.nextVisit(d("2023-02-22"), null, RiskColour.RED, false, null)).isEqualTo(d("2023-03-01"));
        assertThat(rules.nextVisit(d("2024-02-15"), null, RiskColour.YELLOW, false, null)).isEqualTo(d("2024-02-29"));
    }

    @Test
    void aMentalDisorderPatient_isSeenAtLeastEvery3Months_whateverTheColour() {
        RiskSettings longGreen = new RiskSettings(7, 14, 120, 3, 3, 14, 1, 2, 3, 6, 30, 90, 24, 4, 7,
                RiskSettings.DEFAULTS.mapping());
        DueRules r = new DueRules(longGreen, PeopleRules.DEFAULTS);

        assertThat(r.nextVisit(d("2025-01-31"), null, RiskColour.GREEN, false, 0)).isEqualTo(d("2025-05-31"));
        // 31 January + 3 months is 30 April (April has 30 days), before the 120-day green interval.
        assertThat(r.nextVisit(d("2025-01-31"), null, RiskColour.GREEN, true, 0)).isEqualTo(d("2025-04-30"));
        assertThat(r.nextVisit(d("2023-11-30"), null, RiskColour.GREEN, true, 0)).isEqualTo(d("2024-02-29"));
    }

    @Test
    void aPatientWhoseLevelIsUnknown_isPlannedLikeAnUnstableOne_notAsStable() {
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, true, null)).isEqualTo(d("2025-06-16"));
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, true, 0)).isEqualTo(d("2025-07-02"));
        // Only a patient's level counts: someone without the category keeps the colour's interval.
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, false, null)).isEqualTo(d("2025-07-02"));
    }

    @Test
    void anUnstablePatient_level3To5_isSeenWithin2Weeks_evenIfOverriddenToGreen() {
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, true, 3)).isEqualTo(d("2025-06-16"));
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, true, 5)).isEqualTo(d("2025-06-16"));
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.GREEN, true, 2)).isEqualTo(d("2025-07-02"));
        assertThat(rules.nextVisit(d("2025-06-02"), null, RiskColour.RED, true, 4)).isEqualTo(d("2025-06-09"));
    }

    @Test
    void aPlannedDate_appliesOnlyWhenEarlier() {
        assertThat(rules.nextVisit(d("2025-06-02"), d("2025-06-05"), RiskColour.GREEN, false, null))
                .isEqualTo(d("2025-06-05"));
        assertThat(rules.nextVisit(d("2025-06-02"), d("2025-08-05"), RiskColour.GREEN, false, null))
                .isEqualTo(d("2025-07-02"));
    }

    @Test
    void overdue_fromTheDayAfterTheDueDate() {
        LocalDate due = d("2025-02-28");
        assertThat(DueRules.overdue(due, d("2025-02-27"))).isFalse();
        assertThat(DueRules.overdue(due, d("2025-02-28"))).isFalse();
        assertThat(DueRules.overdue(due, d("2025-03-01"))).isTrue();
        assertThat(DueRules.overdue(null, d("2025-03-01"))).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2025-06-02, 2025-06-08", "2025-06-07, 2025-06-08", "2025-06-08, 2025-06-08",
        "2024-12-30, 2025-01-05"})
    void weekEnd_isTheComingSunday(LocalDate today, LocalDate sunday) {
        assertThat(DueRules.weekEnd(today)).isEqualTo(sunday);
    }

    @Test
    void urineTests_monthlyInYear1_every2MonthsInYear2_every3InYear3_noneAfter() {
        LocalDate start = d("2023-03-15");
        assertThat(rules.nextUrineTest(start, null, d("2023-03-20"))).isEqualTo(d("2023-04-15"));
        assertThat(rules.nextUrineTest(start, d("2024-03-14"), null)).isEqualTo(d("2024-04-14"));
        assertThat(rules.nextUrineTest(start, d("2024-03-15"), null)).isEqualTo(d("2024-05-15"));
        assertThat(rules.nextUrineTest(start, d("2025-03-15"), null)).isEqualTo(d("2025-06-15"));
        // The next test would fall after the programme's end (2026-03-15): none.
        assertThat(rules.nextUrineTest(start, d("2026-01-10"), null)).isNull();
        assertThat(rules.nextUrineTest(start, d("2025-12-15"), null)).isEqualTo(d("2026-03-15"));
    }

    @Test
    void urineTests_overMonthEndsAndLeapDays() {
        LocalDate start = d("2024-01-31");
        assertThat(rules.nextUrineTest(start, null, null)).isEqualTo(d("2024-02-29"));
        assertThat(rules.nextUrineTest(start, d("2025-01-31"), null)).isEqualTo(d("2025-03-31"));
        assertThat(rules.nextUrineTest(d("2023-01-31"), null, null)).isEqualTo(d("2023-02-28"));
        // Programme year of a start on 29 February: the second year starts on 28 February of the next year.
        assertThat(DueRules.programmeYear(d("2024-02-29"), d("2025-02-27"))).isEqualTo(1);
        assertThat(DueRules.programmeYear(d("2024-02-29"), d("2025-02-28"))).isEqualTo(2);
    }

    @Test
    void urineTests_withoutAProgrammeStart_areMonthlyFromTheLastTestOrRegistration() {
        assertThat(rules.nextUrineTest(null, null, d("2025-05-10"))).isEqualTo(d("2025-06-10"));
        assertThat(rules.nextUrineTest(null, d("2025-05-20"), d("2025-01-10"))).isEqualTo(d("2025-06-20"));
    }

    @Test
    void termWindow_is30DaysFromToday() {
        DueRules.DateRange w = rules.warningWindow(d("2025-06-02"));
        assertThat(w.from()).isEqualTo(d("2025-06-02"));
        assertThat(w.to()).isEqualTo(d("2025-07-02"));
    }

    @Test
    void releaseDates_whose5YearPeriodEndsInTheWindow() {
        DueRules.DateRange r = rules.releasesEnding(d("2025-06-02"));
        assertThat(r.from()).isEqualTo(d("2020-06-02"));
        assertThat(r.to()).isEqualTo(d("2020-07-02"));
    }

    @Test
    void startsEndingWithin_isExactAroundTheLeapDay() {
        // Today 29 February 2024: a release on 28 February 2019 ended the day before, so it is out.
        DueRules.DateRange r = DueRules.startsEndingWithin(
                new DueRules.DateRange(d("2024-02-29"), d("2024-03-30")), 5);
        assertThat(r.from()).isEqualTo(d("2019-03-01"));
        // A window ending on 28 February 2025 takes a start on 29 February 2020, which ends that day.
        DueRules.DateRange s = DueRules.startsEndingWithin(
                new DueRules.DateRange(d("2025-01-29"), d("2025-02-28")), 5);
        assertThat(s.to()).isEqualTo(d("2020-02-29"));
        assertThat(d("2020-02-29").plusYears(5)).isEqualTo(d("2025-02-28"));
    }
}
