package org.caredesk.board.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.ColourCount;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourTexts;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.board.MonthCount;
import org.caredesk.board.VisitLine;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.risk.WorkListFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** The warning board: counts by colour and category, visits per month, red people, the people behind numbers. */
@OnBothDatabases
class BoardServiceTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private VisitsFixture f;
    private Person red;
    private Person yellow;
    private Person green;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir, database);
        red = f.register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 1, 1), null));
        yellow = f.register("李强", "5栋", "赵磊", Membership.correction(CorrectionType.PROBATION,
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), CorrectionLevel.NORMAL),
                Membership.mentalDisorder(Diagnosis.BIPOLAR, 1, LocalDate.of(2024, 1, 1), null));
        green = f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static ColourCount of(List<ColourCount> counts, Category c) {
        return counts.stream().filter(x -> x.category() == c).findFirst().orElseThrow();
    }

    @Test
    void colourCounts_perCategory_andForEveryone() {
        List<ColourCount> counts = f.ctx.board().colourCounts(WorkListFilter.ALL);

        assertThat(of(counts, Category.MENTAL_DISORDER)).isEqualTo(new ColourCount(Category.MENTAL_DISORDER, 1, 1, 0));
        assertThat(of(counts, Category.CORRECTION)).isEqualTo(new ColourCount(Category.CORRECTION, 0, 1, 0));
        assertThat(of(counts, Category.ELDERLY_ALONE)).isEqualTo(new ColourCount(Category.ELDERLY_ALONE, 0, 0, 1));
        assertThat(of(counts, Category.DRUG_USER).total()).isZero();
        assertThat(of(counts, null)).isEqualTo(new ColourCount(null, 1, 1, 1));
        assertThat(of(f.ctx.board().colourCounts(WorkListFilter.building("3栋")), null))
                .isEqualTo(new ColourCount(null, 1, 0, 1));
    }

    @Test
    void anIncident_turnsAGreenPersonRedOnTheBoard() {
        f.ctx.incidents().record(new IncidentDraft(green.id(), f.now().minusHours(1), IncidentType.SELF_HARM,
                null, "送医", Set.of(), null));

        assertThat(of(f.ctx.board().colourCounts(WorkListFilter.ALL), null)).isEqualTo(new ColourCount(null, 2, 1,
                0));
        assertThat(f.ctx.board().redPeople(WorkListFilter.ALL, 0, 10).items()).extracting(BoardPerson::personId)
                .contains(green.id());
    }

    @Test
    void redPeople_withTheirReasonAndLastVisit_longestWithoutAVisitFirst_filterable() {
        Person red2 = f.register("赵六", "5栋", "赵磊", Membership.mentalDisorder(Diagnosis.BIPOLAR, 5,
                LocalDate.of(2024, 1, 1), null));
        f.ctx.visits().save(f.visit(f.now().minusDays(3), VisitPerson.of(red.id())));

        List<BoardPerson> reds = f.ctx.board().redPeople(WorkListFilter.ALL, 0, 10).items();

        assertThat(reds).extracting(BoardPerson::personId).containsExactly(red2.id(), red.id());
        BoardPerson r = reds.get(1);
        assertThat(r.lastVisit()).isEqualTo(f.today().minusDays(3));
        assertThat(r.reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        assertThat(ColourTexts.reason(r)).isEqualTo("精神障碍风险等级 4 级");
        assertThat(r.categories()).containsExactly(Category.MENTAL_DISORDER);
        assertThat(f.ctx.board().redPeople(WorkListFilter.staff("赵磊"), 0, 10).items())
                .extracting(BoardPerson::name).containsExactly("赵六");
    }

    @Test
    void thePeopleBehindACount() {
        assertThat(f.ctx.board().people(WorkListFilter.ALL, Category.MENTAL_DISORDER, RiskColour.YELLOW, 0, 10)
                .items()).extracting(BoardPerson::personId).containsExactly(yellow.id());
        assertThat(f.ctx.board().people(WorkListFilter.ALL, null, RiskColour.GREEN, 0, 10).items())
                .extracting(BoardPerson::personId).containsExactly(green.id());
        assertThat(f.ctx.board().people(WorkListFilter.ALL, Category.MENTAL_DISORDER, null, 0, 10).total())
                .isEqualTo(2);
    }

    @Test
    void visitsPerMonth_last12Months_currentLast_countingEachPersonOfAGroupVisit() {
        f.ctx.visits().save(f.visit(f.now().minusDays(1), VisitPerson.of(red.id()), VisitPerson.of(green.id())));
        f.ctx.visits().save(f.visit(f.now().minusMonths(2), VisitPerson.of(yellow.id())));
        f.ctx.visits().save(f.visit(f.now().minusMonths(13), VisitPerson.of(yellow.id())));

        List<MonthCount> months = f.ctx.board().visitsPerMonth(WorkListFilter.ALL, 12);

        assertThat(months).hasSize(12);
        assertThat(months.get(11)).isEqualTo(new MonthCount(YearMonth.of(2025, 6), 2));
        assertThat(months.get(10)).isEqualTo(new MonthCount(YearMonth.of(2025, 5), 0));
        assertThat(months.get(9)).isEqualTo(new MonthCount(YearMonth.of(2025, 4), 1));
        assertThat(months.get(0).month()).isEqualTo(YearMonth.of(2024, 7));
        assertThat(months.stream().mapToInt(MonthCount::visits).sum()).as("13 months ago is left out").isEqualTo(3);
        assertThat(f.ctx.board().visitsPerMonth(WorkListFilter.building("5栋"), 12).stream()
                .mapToInt(MonthCount::visits).sum()).isEqualTo(1);

        List<VisitLine> april = f.ctx.board().visitsIn(YearMonth.of(2025, 4), WorkListFilter.ALL, 0, 10).items();
        assertThat(april).extracting(VisitLine::personName).containsExactly("李强");
        assertThat(f.ctx.board().visitsIn(YearMonth.of(2025, 4), WorkListFilter.building("3栋"), 0, 10).total())
                .isZero();
        assertThat(f.ctx.board().visitsIn(YearMonth.of(2025, 6), WorkListFilter.building("3栋"), 0, 10).items())
                .extracting(VisitLine::personName).containsExactlyInAnyOrder("王秀英", "张桂兰");
    }

    @Test
    void theFilterChoices_areTheStaffAndBuildingsInUse() {
        assertThat(f.ctx.board().responsibleStaff()).containsExactly("周敏", "赵磊");
        assertThat(f.ctx.board().buildings()).containsExactly("3栋", "5栋");
    }
}
