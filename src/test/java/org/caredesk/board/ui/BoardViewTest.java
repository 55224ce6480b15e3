package org.caredesk.board.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.ui.testing.ShellScreen;
import org.caredesk.board.BoardPerson;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.board.VisitLine;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The warning board and the incidents screen in the application's own shell at 1366x768, driven as a caseworker
 * would: the navigation, the incident form (finding the person by pinyin initials), the board's refresh, its
 * numbers and the lists behind them. Work runs on the real background threads.
 */
@ExtendWith(ApplicationExtension.class)
class BoardViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private VisitsFixture f;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(Path.of("target", "test-data"));
        f.register("王秀英", "3栋", "周敏", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4,
                LocalDate.of(2024, 1, 1), null));
        f.register("张桂兰", "3栋", "周敏", VisitsFixture.elderly());
        var lee = f.register("李强", "5栋", "赵磊", VisitsFixture.elderly());
        f.ctx.visits().save(f.visit(f.now().minusDays(40), VisitPerson.of(lee.id())));
        ShellScreen.show(stage, f.ctx, tasks, dialogs);
    }

    @AfterEach
    void close() {
        tasks.close();
        f.close();
    }

    private static String count(FxRobot robot, String id) {
        return robot.lookup("#" + id).queryAs(Hyperlink.class).getText();
    }

    private static TableView<BoardPerson> redTable(FxRobot robot) {
        return robot.lookup("#redTable").queryTableView();
    }

    private static List<String> names(TableView<BoardPerson> table) {
        return table.getItems().stream().map(BoardPerson::name).toList();
    }

    private void openBoard(FxRobot robot) {
        robot.clickOn("#nav-board");
        ShellScreen.waitUntil(() -> robot.lookup("#count-ALL-TOTAL").tryQuery().isPresent()
                && "3".equals(count(robot, "count-ALL-TOTAL")));
    }

    private static void choose(FxRobot robot, String comboQuery, String text) {
        robot.clickOn(comboQuery);
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> text.equals(c.getText())).queryAs(Node.class));
    }

    @Test
    void anIncidentRecordedThroughTheForm_addsOneRedPersonToTheBoard(FxRobot robot) {
        openBoard(robot);
        assertThat(count(robot, "count-ALL-RED")).isEqualTo("1");
        assertThat(count(robot, "count-ELDERLY_ALONE-GREEN")).isEqualTo("2");
        assertThat(names(redTable(robot))).containsExactly("王秀英");

        robot.clickOn("#nav-incidents");
        ShellScreen.waitUntil(() -> "全部应急事件都已办结。".equals(
                robot.lookup("#summaryLabel").queryAs(Label.class).getText()));
        robot.clickOn("#newIncidentButton");
        robot.clickOn("#personSearchField").write("zgl");
        ShellScreen.waitUntil(() -> robot.lookup("#personResultsList").queryListView().getItems().size() == 1);
        robot.clickOn(robot.lookup("#personResultsList .list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("张桂兰"))
                .queryAs(Node.class));
        assertThat(robot.lookup("#chosenPersonLabel").queryAs(Label.class).getText()).isEqualTo("当事人：张桂兰");
        choose(robot, "#typeChoice", "走失");
        robot.clickOn("#familyCheck");
        robot.clickOn("#actionsArea").write("通知家属，一起寻找");
        Node save = robot.lookup("#saveIncidentButton").query();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        TableView<OpenIncident> incidents = robot.lookup("#incidentsTable").queryTableView();
        ShellScreen.waitUntil(() -> incidents.getItems().size() == 1);
        assertThat(save.getScene().getWindow().isShowing()).as("the form closes after saving").isFalse();
        assertThat(incidents.getItems().get(0).personName()).isEqualTo("张桂兰");
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText())
                .isEqualTo("已记录 张桂兰 的应急事件，张桂兰 已标为红色。");

        robot.clickOn("#nav-board");
        robot.clickOn("#refreshButton");
        ShellScreen.waitUntil(() -> "2".equals(count(robot, "count-ALL-RED")));
        assertThat(count(robot, "count-ELDERLY_ALONE-RED")).isEqualTo("1");
        assertThat(count(robot, "count-ELDERLY_ALONE-GREEN")).isEqualTo("1");
        assertThat(count(robot, "count-ALL-TOTAL")).isEqualTo("3");
        ShellScreen.waitUntil(() -> names(redTable(robot)).contains("张桂兰"));
        assertThat(names(redTable(robot))).containsExactlyInAnyOrder("王秀英", "张桂兰");
        assertThat(robot.lookup("#redTitle").queryAs(Label.class).getText()).isEqualTo("红色预警人员（2 人）");
    }

    @Test
    void clickingACount_listsThePeopleBehindIt(FxRobot robot) {
        openBoard(robot);
        robot.clickOn("#count-ELDERLY_ALONE-GREEN");
        TableView<BoardPerson> list = robot.lookup("#behindPeopleTable").queryTableView();
        ShellScreen.waitUntil(() -> list.getItems().size() == 2);
        assertThat(names(list)).containsExactlyInAnyOrder("张桂兰", "李强");
        assertThat(robot.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("独居老人：绿色人员");
        assertThat(robot.lookup("#pageLabel").queryAs(Label.class).getText()).isEqualTo("第 1 / 1 页，共 2 人");
        robot.clickOn("#closeListButton");

        robot.clickOn("#count-MENTAL_DISORDER-RED");
        TableView<BoardPerson> reds = robot.lookup("#behindPeopleTable").queryTableView();
        ShellScreen.waitUntil(() -> reds.getItems().size() == 1);
        assertThat(names(reds)).containsExactly("王秀英");
        robot.clickOn("#closeListButton");
    }

    @Test
    void theFilter_narrowsTheNumbers_andTheListsBehindThem(FxRobot robot) {
        openBoard(robot);
        choose(robot, "#buildingFilter", "5栋");
        ShellScreen.waitUntil(() -> "1".equals(count(robot, "count-ALL-TOTAL")));
        assertThat(count(robot, "count-ALL-RED")).isEqualTo("0");
        assertThat(redTable(robot).getItems()).isEmpty();

        robot.clickOn("#count-ALL-TOTAL");
        TableView<BoardPerson> list = robot.lookup("#behindPeopleTable").queryTableView();
        ShellScreen.waitUntil(() -> list.getItems().size() == 1);
        assertThat(names(list)).containsExactly("李强");
        assertThat(robot.lookup("#titleLabel").queryAs(Label.class).getText())
                .isEqualTo("全部人员：全部颜色（楼栋：5栋）");
        robot.clickOn("#closeListButton");

        robot.clickOn("#clearFiltersButton");
        ShellScreen.waitUntil(() -> "3".equals(count(robot, "count-ALL-TOTAL")));
    }

    @Test
    void staffFilter_typingASurname_narrowsTheChoices_andAChoiceNarrowsTheNumbers(FxRobot robot) {
        openBoard(robot);
        ShellScreen.waitUntil(() -> robot.lookup("#staffFilter").queryComboBox().getItems().size() == 3);
        robot.clickOn("#staffFilter");
        robot.write("赵");
        ShellScreen.waitUntil(() -> robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .map(n -> ((ListCell<?>) n).getText())
                .filter(t -> t != null && !t.isEmpty()).toList().equals(java.util.List.of("赵磊")));
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> "赵磊".equals(c.getText())).queryAs(Node.class));

        ShellScreen.waitUntil(() -> "1".equals(count(robot, "count-ALL-TOTAL")));
        assertThat(robot.lookup("#staffFilter").queryComboBox().getValue()).isEqualTo("赵磊");
        assertThat(redTable(robot).getItems()).isEmpty();
        robot.clickOn("#clearFiltersButton");
        ShellScreen.waitUntil(() -> "3".equals(count(robot, "count-ALL-TOTAL")));
    }

    @Test
    void clickingABar_listsThatMonthsVisits(FxRobot robot) {
        openBoard(robot);
        robot.clickOn("#bar-2025-04");
        TableView<VisitLine> visits = robot.lookup("#behindVisitsTable").queryTableView();
        ShellScreen.waitUntil(() -> visits.getItems().size() == 1);
        assertThat(visits.getItems().get(0).personName()).isEqualTo("李强");
        assertThat(robot.lookup("#titleLabel").queryAs(Label.class).getText()).isEqualTo("2025 年 4 月的走访");
        robot.clickOn("#closeListButton");
    }
}
