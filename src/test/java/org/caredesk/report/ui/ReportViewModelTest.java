package org.caredesk.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.report.DetailRow;
import org.caredesk.report.FigureCatalogue;
import org.caredesk.report.Period;
import org.caredesk.report.Section;
import org.caredesk.report.service.ReportService;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report screen's model without a toolkit: choices, the figures it shows, the change column, the lists. */
class ReportViewModelTest {
    @TempDir
    Path dir;
    private VisitsFixture f;
    private ReportViewModel vm;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir);
        // Two people registered in April, one in May; the clock then stands on 2 June 2025.
        f.clock.advance(Duration.ofDays(-45));
        f.register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 1, 1), null));
        f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
        f.clock.advance(Duration.ofDays(20));
        var lee = f.register("李强", "5栋", "赵磊", VisitsFixture.elderly());
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(lee.id())));
        f.clock.advance(Duration.ofDays(25));
        vm = new ReportViewModel(f.ctx.service(ReportService.class), new DirectTaskRunner(), f.clock,
                () -> List.of("3栋", "5栋"), () -> List.of("周敏"));
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ReportLine line(String code) {
        return vm.lines().stream().filter(l -> l.figure().code().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void theMonthOffered_isLastMonth_andTheScopesAreTheCommunityItsBuildingsAndCaseworkers() {
        assertThat(vm.monthProperty().get()).isEqualTo(YearMonth.of(2025, 5));
        assertThat(vm.months()).hasSize(ReportViewModel.MONTHS_BACK + 1).startsWith(YearMonth.of(2025, 6));
        vm.loadScopes();
        assertThat(vm.scopes()).extracting(ReportViewModel.ScopeChoice::label)
                .containsExactly("全社区", "楼栋：3栋", "楼栋：5栋", "帮扶责任人：周敏");
    }

    @Test
    void computingMay_showsMaysFigures_withTheChangeAgainstApril_andTheNamesBehindThem() {
        vm.compute();

        assertThat(vm.errorProperty().get()).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("已计算 2025年5月（全社区）的报表，数据截至 2025-05-31。");
        ReportLine registered = line(FigureCatalogue.registered(null));
        assertThat(registered.month()).isEqualTo("3");
        assertThat(registered.change()).as("two were registered in April, one in May").isEqualTo("+1");
        ReportViewModel.Detail detail = vm.detail(registered, Period.MONTH).orElseThrow();
        assertThat(detail.rows()).extracting(DetailRow::name).containsExactlyInAnyOrder("王秀英", "张桂兰", "李强");
        assertThat(detail.rows()).allSatisfy(r -> assertThat(r.maskedIdNumber()).contains("*"));
        assertThat(detail.title()).isEqualTo(registered.name() + "（本月）：2025年5月，全社区，共 3 条");
    }

    @Test
    void aRate_opensToItsDenominatorsRows_markedWhereTheNumeratorCountsThemToo() {
        vm.sectionProperty().set(Section.VISITS);
        vm.compute();

        ReportLine rate = line(FigureCatalogue.VISIT_RATE);
        ReportViewModel.Detail detail = vm.detail(rate, Period.MONTH).orElseThrow();
        var report = vm.reportProperty().get();
        int due = report.count("走访.应访", Period.MONTH);
        int onTime = report.count("走访.按时", Period.MONTH);
        assertThat(due).as("the fixture has visits due in May").isPositive();
        assertThat(detail.rows()).hasSize(due);
        assertThat(detail.parts()).filteredOn("分子和分母"::equals).hasSize(onTime);
        assertThat(detail.title()).contains("走访完成率", "分母 " + due + " 条", "计入分子 " + onTime + " 条");
        assertThat(rate.month()).isEqualTo(String.format("%.1f%%", 100.0 * onTime / due));
    }

    @Test
    void aStocksYearColumn_opensNothing() {
        vm.compute();
        ReportLine registered = line(FigureCatalogue.registered(null));
        assertThat(registered.year()).isEqualTo("—");
        assertThat(vm.detail(registered, Period.YEAR_TO_DATE)).isEmpty();
    }
}
