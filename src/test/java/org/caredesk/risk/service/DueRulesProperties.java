package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.caredesk.common.RiskColour;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.risk.RiskSettings;

/** The term-window bounds the SQL compares with are exact, and due dates never fall before their start. */
class DueRulesProperties {
    private static final LocalDate EPOCH = LocalDate.of(2016, 1, 1);

    @Provide
    Arbitrary<LocalDate> dates() {
        return Arbitraries.integers().between(0, 365 * 12).map(EPOCH::plusDays);
    }

    @Property
    void aStartIsInTheBoundsExactlyWhenItsTermEndsInTheWindow(@ForAll("dates") LocalDate today,
            @ForAll @IntRange(min = 0, max = 60) int warnDays, @ForAll @IntRange(min = 1, max = 6) int years,
            @ForAll @IntRange(min = -40, max = 40) int offset) {
        DueRules.DateRange window = new DueRules.DateRange(today, today.plusDays(warnDays));
        DueRules.DateRange starts = DueRules.startsEndingWithin(window, years);
        // Try starts around both bounds, where month lengths and leap days matter.
        for (LocalDate start : new LocalDate[] {starts.from().plusDays(offset), starts.to().plusDays(offset)}) {
            assertThat(starts.contains(start)).as("start %s, %d years, window %s", start, years, window)
                    .isEqualTo(window.contains(start.plusYears(years)));
        }
    }

    @Property
    void theNextVisitIsAfterTheVisit_andNoLaterThanTheColoursInterval(@ForAll("dates") LocalDate from,
            @ForAll RiskColour colour, @ForAll boolean mental, @ForAll @IntRange(min = 0, max = 5) int level) {
        DueRules rules = new DueRules(RiskSettings.DEFAULTS, PeopleRules.DEFAULTS);
        LocalDate next = rules.nextVisit(from, null, colour, mental, level);
        assertThat(next).isAfter(from);
        assertThat(next).isBeforeOrEqualTo(from.plusDays(RiskSettings.DEFAULTS.visitDays(colour)));
    }
}
