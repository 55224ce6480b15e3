package org.caredesk.board.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.security.Session;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.ColourCount;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.board.MonthCount;
import org.caredesk.board.VisitLine;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The board's state without a toolkit: counts, totals, months, red people, filters and the lists behind them. */
class BoardViewModelTest {
    @TempDir
    Path dir;
    private VisitsFixture f;
    private BoardViewModel vm;
    private Person red;
    private Person yellow;
    private Person green;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir);
        red = f.register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 1, 1), null));
        yellow = f.register("李强", "5栋", "赵磊", Membership.correction(CorrectionType.PROBATION,
                LocalDate.of(2025, 1, 1), LocalDate.of(2026, 1, 1), CorrectionLevel.NORMAL));
        green = f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
        vm = new BoardViewModel(f.ctx.board(), new DirectTaskRunner(), () -> LocalDateTime.now(f.clock));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ColourCount count(Category c) {
        return vm.counts().stream().filter(x -> x.category() == c).findFirst().orElseThrow();
    }

    @Test
    void refresh_readsCountsPerCategory_theTotals_twelveMonths_andTheRedPeople() {
        f.visitNow(yellow);
        vm.refresh();

        assertThat(vm.counts()).extracting(ColourCount::category).doesNotContainNull();
        assertThat(count(Category.MENTAL_DISORDER)).isEqualTo(new ColourCount(Category.MENTAL_DISORDER, 1, 0, 0));
        assertThat(count(Category.CORRECTION)).isEqualTo(new ColourCount(Category.CORRECTION, 0, 1, 0));
        assertThat(count(Category.ELDERLY_ALONE)).isEqualTo(new ColourCount(Category.ELDERLY_ALONE, 0, 0, 1));
        assertThat(vm.totalsProperty().get()).isEqualTo(new ColourCount(null, 1, 1, 1));
        assertThat(vm.months()).hasSize(BoardViewModel.MONTHS);
        assertThat(vm.months().get(BoardViewModel.MONTHS - 1)).isEqualTo(new MonthCount(YearMonth.of(2025, 6), 1));
        assertThat(vm.redPeople()).extracting(BoardPerson::name).containsExactly("王秀英");
        assertThat(vm.redTitleProperty().get()).isEqualTo("红色预警人员（1 人）");
        assertThat(vm.redPageTextProperty().get()).isEqualTo("第 1 / 1 页，共 1 人");
        assertThat(vm.updatedProperty().get()).isEqualTo("更新于 09:00");
        assertThat(vm.buildings()).containsExactly("3栋", "5栋");
        assertThat(vm.staffNames()).containsExactly("周敏", "赵磊");
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void aFilter_appliesToEveryNumberOnTheBoard_andToTheListsBehindThem() {
        f.visitNow(yellow);
        vm.refresh();
        vm.buildingProperty().set("5栋");

        assertThat(vm.totalsProperty().get()).isEqualTo(new ColourCount(null, 0, 1, 0));
        assertThat(vm.redPeople()).isEmpty();
        assertThat(vm.months().get(BoardViewModel.MONTHS - 1).visits()).isEqualTo(1);
        assertThat(vm.shownFilter().building()).isEqualTo("5栋");

        vm.buildingProperty().set(null);
        vm.staffProperty().set("周敏");
        assertThat(vm.totalsProperty().get()).isEqualTo(new ColourCount(null, 1, 0, 1));
        assertThat(vm.months().get(BoardViewModel.MONTHS - 1).visits()).isZero();
        BoardListViewModel list = vm.peopleBehind(null, null);
        list.load();
        assertThat(list.people()).extracting(BoardPerson::name).containsExactlyInAnyOrder("王秀英", "张桂兰");
        assertThat(list.title()).isEqualTo("全部人员：全部颜色（帮扶责任人：周敏）");

        vm.clearFilters();
        assertThat(vm.totalsProperty().get().total()).isEqualTo(3);
    }

    @Test
    void aCountsList_namesExactlyThePeopleBehindTheNumber() {
        vm.refresh();
        BoardListViewModel list = vm.peopleBehind(Category.ELDERLY_ALONE, RiskColour.GREEN);
        list.load();
        assertThat(list.kind()).isEqualTo(BoardListViewModel.Kind.PEOPLE);
        assertThat(list.title()).isEqualTo("独居老人：绿色人员");
        assertThat(list.people()).extracting(BoardPerson::personId).containsExactly(green.id());
        assertThat(list.pageTextProperty().get()).isEqualTo("第 1 / 1 页，共 1 人");

        BoardListViewModel reds = vm.peopleBehind(null, RiskColour.RED);
        reds.load();
        assertThat(reds.people()).extracting(BoardPerson::personId).containsExactly(red.id());
    }

    @Test
    void anIncident_showsAfterTheNextRefresh_asOneMoreRedPerson() {
        vm.refresh();
        assertThat(vm.totalsProperty().get().red()).isEqualTo(1);
        f.ctx.incidents().record(new IncidentDraft(green.id(), f.now().minusHours(1), IncidentType.MISSING,
                null, "报警并寻找", null, null));
        assertThat(vm.totalsProperty().get().red()).as("the board shows what it read until refreshed").isEqualTo(1);

        vm.refresh();
        assertThat(vm.totalsProperty().get().red()).isEqualTo(2);
        assertThat(count(Category.ELDERLY_ALONE).red()).isEqualTo(1);
        assertThat(vm.redPeople()).extracting(BoardPerson::name).contains("张桂兰");
        BoardPerson p = vm.redPeople().stream().filter(x -> x.personId().equals(green.id())).findFirst()
                .orElseThrow();
        assertThat(BoardTexts.reason(p)).isEqualTo("应急事件：走失");
        assertThat(BoardTexts.lastVisit(p.lastVisit())).isEqualTo("从未走访");
    }

    @Test
    void aMonthsList_showsItsPersonVisits() {
        f.ctx.visits().save(f.visit(f.now().minusDays(1), VisitPerson.of(yellow.id()), VisitPerson.of(green.id())));
        vm.refresh();
        BoardListViewModel list = vm.visitsIn(YearMonth.of(2025, 6));
        list.load();
        assertThat(list.kind()).isEqualTo(BoardListViewModel.Kind.VISITS);
        assertThat(list.title()).isEqualTo("2025 年 6 月的走访");
        assertThat(list.visits()).extracting(VisitLine::personName).containsExactlyInAnyOrder("李强", "张桂兰");
        assertThat(list.pageTextProperty().get()).isEqualTo("第 1 / 1 页，共 2 人次");

        BoardListViewModel may = vm.visitsIn(YearMonth.of(2025, 5));
        may.load();
        assertThat(may.visits()).isEmpty();
    }

    @Test
    void theRedList_pagesThroughMoreThanOnePage() {
        for (int i = 0; i < BoardViewModel.RED_PAGE_SIZE; i++) {
            f.register("红" + i, Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 3, LocalDate.of(2024, 1, 1),
                    null));
        }
        vm.refresh();
        assertThat(vm.redPeople()).hasSize(BoardViewModel.RED_PAGE_SIZE);
        assertThat(vm.canNextRedProperty().get()).isTrue();
        assertThat(vm.canPreviousRedProperty().get()).isFalse();
        vm.nextRedPage();
        assertThat(vm.redPeople()).hasSize(1);
        assertThat(vm.redPageTextProperty().get()).isEqualTo("第 2 / 2 页，共 51 人");
        assertThat(vm.canNextRedProperty().get()).isFalse();
        vm.previousRedPage();
        assertThat(vm.redPeople()).hasSize(BoardViewModel.RED_PAGE_SIZE);
    }

    @Test
    void aRefusedRead_isOneSentence_andKeepsTheNumbersShown() {
        vm.refresh();
        Session session = f.ctx.session();
        session.logout();
        vm.refresh();
        assertThat(vm.errorProperty().get()).isNotEmpty().doesNotContain("Exception");
        assertThat(vm.totalsProperty().get().total()).isEqualTo(3);
        assertThat(vm.loadingProperty().get()).isFalse();
    }
}
