package org.caredesk.risk.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import org.caredesk.common.RiskColour;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.risk.RiskSettings;

/**
 * When the next visit and urine test are due, and which date ranges the term warnings look for. Pure: every date
 * comes in as an argument, so tests fix "today".
 */
public final class DueRules {
    private final RiskSettings settings;
    private final PeopleRules people;

    public DueRules(RiskSettings settings, PeopleRules people) {
        this.settings = settings;
        this.people = people;
    }

    /** An inclusive range of dates. */
    public record DateRange(LocalDate from, LocalDate to) {
        public boolean contains(LocalDate d) {
            return !d.isBefore(from) && !d.isAfter(to);
        }
    }

    /**
     * The next visit due after a visit (or, for someone never visited, after registration) on {@code from}: the
     * colour's interval, at most {@link RiskSettings#mentalMaxMonths()} for a mental-disorder patient and
     * {@link RiskSettings#unstableMentalDays()} while their level is unstable or unknown; a date planned at the visit
     * ({@code planned}, may be null) applies when it is earlier.
     */
    public LocalDate nextVisit(LocalDate from, LocalDate planned, RiskColour colour, boolean mentalDisorder,
            Integer mentalLevel) {
        LocalDate due = from.plusDays(settings.visitDays(colour));
        if (mentalDisorder) {
            due = earlier(due, from.plusMonths(settings.mentalMaxMonths()));
            // An unknown level (资料待补, never assessed) is planned like an unstable one: the follow-up that
            // assesses it comes within two weeks rather than on a guess that the patient is stable.
            if (mentalLevel == null || mentalLevel >= settings.unstableMentalLevel()) {
                due = earlier(due, from.plusDays(settings.unstableMentalDays()));
            }
        }
        return planned == null ? due : earlier(due, planned);
    }

    /**
     * The next urine test of a drug user: from the last test (else the programme start, else registration), after
     * the cadence of the programme year that test fell in; null once the next one would fall after the programme's
     * end ({@link PeopleRules#drugMaxYears()} after the start).
     *
     * @param programmeStart null when unknown: the first year's cadence applies and there is no end
     */
    public LocalDate nextUrineTest(LocalDate programmeStart, LocalDate lastTest, LocalDate registered) {
        LocalDate base = lastTest != null ? lastTest : programmeStart != null ? programmeStart : registered;
        int year = programmeStart == null ? 1 : programmeYear(programmeStart, base);
        int months = year > people.drugMaxYears() ? 0 : settings.urineMonths(year);
        if (months == 0) {
            return null;
        }
        LocalDate due = base.plusMonths(months);
        if (programmeStart != null && due.isAfter(programmeStart.plusYears(people.drugMaxYears()))) {
            return null;
        }
        return due;
    }

    /**
     * 1 in the programme's first year (and before it starts), 2 in the second, ... Year n starts on
     * {@code start.plusYears(n - 1)}, the same arithmetic as the programme's end, so a start on 29 February begins
     * its second year on 28 February.
     */
    public static int programmeYear(LocalDate start, LocalDate on) {
        int year = 1;
        while (!on.isBefore(start.plusYears(year))) {
            year++;
        }
        return year;
    }

    /** Overdue from the day after the due date. */
    public static boolean overdue(LocalDate due, LocalDate today) {
        return due != null && today.isAfter(due);
    }

    /** The last day "due this week" covers: the coming Sunday (today on a Sunday). */
    public static LocalDate weekEnd(LocalDate today) {
        return today.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
    }

    /** Term ends warned about: from today to {@link RiskSettings#termWarnDays()} ahead. */
    public DateRange warningWindow(LocalDate today) {
        return new DateRange(today, today.plusDays(settings.termWarnDays()));
    }

    /**
     * The start dates whose term of {@code years} ends inside {@code window}: what the SQL compares the stored
     * start (release, programme start) with, so the query is a range of an index and stays portable. Exact across
     * 29 February: a start on 29 February ends on 28 February of a common year.
     */
    public static DateRange startsEndingWithin(DateRange window, int years) {
        LocalDate from = window.from().minusYears(years);
        while (from.plusYears(years).isBefore(window.from())) {
            from = from.plusDays(1);
        }
        LocalDate to = window.to().minusYears(years);
        while (!to.plusDays(1).plusYears(years).isAfter(window.to())) {
            to = to.plusDays(1);
        }
        return new DateRange(from, to);
    }

    /** Releases whose 帮教 period ends in the warning window. */
    public DateRange releasesEnding(LocalDate today) {
        return startsEndingWithin(warningWindow(today), people.releasedFollowYears());
    }

    /** Programme starts whose 社区戒毒 / 社区康复 ends in the warning window. */
    public DateRange drugStartsEnding(LocalDate today) {
        return startsEndingWithin(warningWindow(today), people.drugMaxYears());
    }

    private static LocalDate earlier(LocalDate a, LocalDate b) {
        return b.isBefore(a) ? b : a;
    }
}
