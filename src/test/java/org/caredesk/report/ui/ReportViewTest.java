package org.caredesk.report.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.ui.testing.ShellScreen;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 统计报表 in the application's own shell at 1366x768, as the director uses it at the start of a month: open the
 * screen, keep last month, compute, open the list behind 走访完成率, save the workbook.
 */
@ExtendWith(ApplicationExtension.class)
class ReportViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private VisitsFixture f;
    @TempDir
    Path out;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(Path.of("target", "test-data"));
        f.clock.advance(Duration.ofDays(-45));
        f.register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 1, 1), null));
        f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
        var lee = f.register("李强", "5栋", "赵磊", VisitsFixture.elderly());
        f.clock.advance(Duration.ofDays(20));
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(lee.id())));
        f.clock.advance(Duration.ofDays(25));
        ShellScreen.show(stage, f.ctx, tasks, dialogs);
    }

    @AfterEach
    void close() {
        tasks.close();
        f.close();
    }

    private static Hyperlink value(FxRobot robot, String code, String period) {
        return robot.lookup(".report-value").match((Hyperlink h) -> (code + "/" + period).equals(h.getUserData()))
                .queryAs(Hyperlink.class);
    }

    @Test
    void theDirector_computesLastMonth_opensTheNamesBehindTheVisitRate_andSavesTheWorkbook(FxRobot robot)
            throws Exception {
        robot.clickOn("#nav-report");
        ShellScreen.waitUntil(() -> robot.lookup("#computeButton").tryQuery().isPresent());
        assertThat(robot.lookup("#monthChoice").queryComboBox().getSelectionModel().getSelectedItem())
                .hasToString("2025-05");
        assertThat(robot.lookup("#exportButton").query().isDisabled()).as("nothing to save yet").isTrue();

        robot.clickOn("#computeButton");
        Label notice = robot.lookup("#noticeLabel").queryAs(Label.class);
        ShellScreen.waitUntil(() -> notice.getText().startsWith("已计算 2025年5月"));
        robot.clickOn(robot.lookup("#sectionList .list-cell").match((ListCell<?> c) -> "走访".equals(c.getText()))
                .queryAs(Node.class));
        Hyperlink rate = value(robot, "走访完成率", "MONTH");
        String shown = rate.getText();
        robot.clickOn(rate);

        ShellScreen.waitUntil(() -> robot.lookup("#rowsTable").tryQuery().isPresent());
        TableView<ReportDetailView.Line> rows = robot.lookup("#rowsTable").queryTableView();
        String title = robot.lookup("#titleLabel").queryAs(Label.class).getText();
        assertThat(title).startsWith("走访完成率（本月）：2025年5月，全社区").contains("分母 " + rows.getItems().size() + " 条");
        assertThat(rows.getItems()).isNotEmpty();
        assertThat(rows.getItems()).extracting(l -> l.row().name()).isSubsetOf("王秀英", "张桂兰", "李强");
        assertThat(rows.getItems()).extracting(ReportDetailView.Line::part).containsAnyOf("分子和分母", "仅分母");
        assertThat(shown).endsWith("%");
        robot.clickOn("#closeDetailButton");

        Path file = out.resolve("五月报表.xlsx");
        dialogs.chooseFile(file);
        robot.clickOn("#totalsOnlyCheck");
        robot.clickOn("#exportButton");
        ShellScreen.waitUntil(() -> notice.getText().startsWith("报表已保存"));
        assertThat(notice.getText()).isEqualTo("报表已保存为“五月报表.xlsx”。");
        try (InputStream in = Files.newInputStream(file); Workbook wb = WorkbookFactory.create(in)) {
            assertThat(wb.getNumberOfSheets()).isGreaterThan(2);
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                assertThat(wb.getSheetName(i)).as("totals only: no detail sheet").doesNotStartWith("明细");
            }
        }
    }
}
