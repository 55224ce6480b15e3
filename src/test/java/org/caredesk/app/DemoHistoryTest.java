package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Page;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.risk.ColourChange;
import org.caredesk.board.ColourCount;
import org.caredesk.risk.ColourSource;
import org.caredesk.board.MonthCount;
import org.caredesk.today.WorkList;
import org.caredesk.risk.WorkListFilter;
import org.jooq.impl.DSL;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.MonthlyReport;
import org.caredesk.report.Period;
import org.caredesk.report.ReportScope;
import org.caredesk.report.service.ReportService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** The demo community's two years of care: the numbers of the article, and a plausible home screen. */
@OnBothDatabases
class DemoHistoryTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private AppContext ctx;
    /** After every date of the demo roster (which refuses dates later than today). */
    static MutableClock clock() {
        return new MutableClock(Instant.parse("2026-12-01T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    }

    private final MutableClock clock = clock();

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = database.context(dir, clock);
        DemoCommunity.create(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private List<PersonRow> everyone() {
        Page<PersonRow> page = ctx.people().search(new PersonQuery(null, null, null, null, null, PersonQuery.Sort.NAME,
                true, 0, 500));
        assertThat(page.items()).hasSize(page.total());
        return page.items();
    }

    private int count(String table) {
        return ctx.database().dsl().fetchCount(DSL.table(DSL.name(table)));
    }

    @Test
    void about440VisitsOverTwoYears_withAssessmentsAndAFewIncidents_allClosed() {
        assertThat(count("VISIT")).isBetween(400, 480);
        assertThat(count("ASSESSMENT")).isGreaterThan(20);
        assertThat(count("INCIDENT")).isBetween(3, 6);
        assertThat(ctx.incidents().open(0, 10).total()).isZero();
        List<MonthCount> months = ctx.board().visitsPerMonth(WorkListFilter.ALL, 24);
        assertThat(months).allSatisfy(m -> assertThat(m.visits()).isPositive());
        assertThat(months.get(0).month().atDay(1)).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void everyoneHasAVisit_andMostAreNotOverdue() {
        WorkList w = ctx.workList().today(WorkListFilter.ALL, 50);
        List<PersonRow> all = everyone();

        assertThat(w.counts().overdue()).isPositive().isLessThan(all.size() / 3);
        for (PersonRow p : all) {
            assertThat(ctx.visits().subject(p.id()).lastVisit()).as(p.name()).isNotNull();
        }
        assertThat(w.counts().openIncidents()).isZero();
        // Urine tests follow the programme's cadence in the demo: none is months late (a year-3 test is due
        // every 3 months, so a test more than a month overdue would mean the history skipped several).
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        assertThat(ctx.workList().overdue(WorkListFilter.ALL, 0, 200).items())
                .filteredOn(d -> d.nextUrineDue() != null)
                .allSatisfy(d -> assertThat(d.nextUrineDue()).as(d.name()).isAfter(today.minusMonths(1)));
    }

    @Test
    void timelinesStartTwoYearsAgo_andShowTheIncidents() {
        PersonRow someone = ctx.people().search(PersonQuery.all()).items().get(0);
        List<ColourChange> timeline = ctx.colours().timeline(someone.id());
        assertThat(timeline.get(0).changedAt().toLocalDate()).isEqualTo(LocalDate.now(clock).minusDays(730));
        assertThat(timeline.get(0).from()).isNull();

        long incidentChanges = everyone().stream()
                .flatMap(p -> ctx.colours().timeline(p.id()).stream())
                .filter(c -> c.source() == ColourSource.INCIDENT).count();
        assertThat(incidentChanges).isGreaterThanOrEqualTo(3);
    }

    @Test
    void everyoneIsRegisteredWhenTheirHistoryStarts_soLastMonthsReportCountsThem() {
        LocalDate start = LocalDate.now(clock).minusDays(730);
        assertThat(everyone()).allSatisfy(p -> assertThat(ctx.people().find(p.id()).orElseThrow().createdAt()
                .toLocalDate()).as(p.name()).isEqualTo(start));

        MonthlyReport november = ctx.service(ReportService.class).compute(YearMonth.of(2026, 11), ReportScope.ALL);
        assertThat(november.count(FigureCatalogue.registered(null), Period.MONTH)).isEqualTo(everyone().size());
        assertThat(november.count("走访.应访", Period.MONTH)).as("visits were due in November").isPositive();
    }

    @Test
    void theBoardShowsEveryColour_andTheArticlesRedMentalPatients() {
        ColourCount everyone = ctx.board().colourCounts(WorkListFilter.ALL).stream()
                .filter(c -> c.category() == null).findFirst().orElseThrow();
        assertThat(everyone.total()).isEqualTo(105);
        assertThat(everyone.red()).isGreaterThanOrEqualTo(15);
        assertThat(everyone.count(RiskColour.YELLOW)).isPositive();
        assertThat(everyone.green()).isPositive();
    }

    @Test
    void isDeterministic() {
        try (AppContext other = database.context(dir.resolve("other"), clock())) {
            DemoCommunity.create(other);
            assertThat(other.workList().today(WorkListFilter.ALL, 50).counts())
                    .isEqualTo(ctx.workList().today(WorkListFilter.ALL, 50).counts());
            assertThat(other.board().colourCounts(WorkListFilter.ALL))
                    .isEqualTo(ctx.board().colourCounts(WorkListFilter.ALL));
        }
    }
}
