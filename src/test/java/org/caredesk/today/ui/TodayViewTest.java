package org.caredesk.today.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.today.ui.TodayScreen.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.today.DueItem;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * 今日工作 driven as a caseworker would: open the program, see who is overdue, click 记录走访 on the line, fill the
 * form, save, and watch the person leave the overdue list. Work runs on the real background threads.
 */
@ExtendWith(ApplicationExtension.class)
class TodayViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private TodayScreen screen;
    private java.util.UUID zhao;

    @Start
    void start(Stage stage) {
        screen = new TodayScreen(stage, tasks, f -> {
            f.register("王大爷", "3号楼", "李社工", VisitsFixture.elderly());
            zhao = f.register("赵明", "5号楼", "王社工", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 1,
                    f.today().minusYears(1), Medication.REGULAR)).id();
            // Green people are due within 30 days of registration; 40 days on, both are overdue.
            f.advanceDays(40);
        });
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<DueItem> overdue(FxRobot robot) {
        return robot.lookup("#overdueTable").queryAs(TableView.class);
    }

    private Node rowLink(FxRobot robot, String table, String personName, String linkClass) {
        return robot.lookup(table + " ." + linkClass).match((Node n) -> {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) n.getParent()
                    .getParent();
            Object item = cell.getTableRow() == null ? null : cell.getTableRow().getItem();
            return item instanceof DueItem d && d.name().equals(personName);
        }).query();
    }

    private void type(FxRobot robot, String query, String text) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.clickOn(n);
        robot.write(text);
    }

    @Test
    void todayIsTheFirstScreen_andListsTheOverdueOldestFirstWithDaysOverdue(FxRobot robot) {
        assertThat(robot.lookup("#nav-today").queryAs(ToggleButton.class).isSelected()).isTrue();
        waitUntil(() -> overdue(robot).getItems().size() == 2);
        assertThat(robot.lookup("#overduePane").queryAs(TitledPane.class).getText()).isEqualTo("逾期未走访（2）");
        // 赵明 (risk level 1: yellow, every 14 days) has waited longer than 王大爷 (green, every 30 days).
        assertThat(overdue(robot).getItems()).extracting(DueItem::name).containsExactly("赵明", "王大爷");
        assertThat(cell(robot, "overdueDueColumn", 0)).isEqualTo("逾期 26 天");
        assertThat(cell(robot, "overdueDueColumn", 1)).isEqualTo("逾期 10 天");
        assertThat(cell(robot, "overdueWhatColumn", 1)).isEqualTo("走访");
        assertThat(cell(robot, "overdueBuildingColumn", 1)).isEqualTo("3号楼");
        assertThat(cell(robot, "overdueStaffColumn", 1)).isEqualTo("李社工");
        assertThat(robot.lookup("#overdueTable .colour-badge").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("黄", "绿");
    }

    private Object cell(FxRobot robot, String columnId, int row) {
        return overdue(robot).getColumns().stream().filter(c -> columnId.equals(c.getId())).findFirst()
                .orElseThrow().getCellData(row);
    }

    @Test
    void caseworkerLogsAVisitFromTheOverdueLine_andThePersonLeavesTheList(FxRobot robot) {
        waitUntil(() -> overdue(robot).getItems().size() == 2);
        robot.clickOn(rowLink(robot, "#overdueTable", "王大爷", "row-visit"));
        waitUntil(() -> !robot.lookup("#staffField").queryAs(TextField.class).getText().isEmpty());
        assertThat(robot.lookup("#staffField").queryAs(TextField.class).getText()).isEqualTo("test");
        assertThat(robot.lookup("#part-0 #partSummary").queryAs(Label.class).getText()).startsWith("王大爷");
        waitUntil(() -> !robot.lookup("#part-0 #proposalLabel").queryAs(Label.class).getText().isEmpty());

        robot.clickOn("#need-MEDICAL");
        type(robot, "#findingsArea", "身体尚可，血压偏高");
        type(robot, "#helpArea", "联系社区医生上门");
        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        waitUntil(() -> overdue(robot).getItems().size() == 1);
        assertThat(overdue(robot).getItems().get(0).name()).isEqualTo("赵明");
        assertThat(robot.lookup("#overduePane").queryAs(TitledPane.class).getText()).isEqualTo("逾期未走访（1）");
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).isEqualTo("已记录 王大爷 的走访。");
        assertThat(save.getScene().getWindow().isShowing()).as("the form closes after saving").isFalse();
    }

    @Test
    void mentalPatientNeedsTheRiskLevel_andAMissingStaffNameIsNamed(FxRobot robot) {
        waitUntil(() -> overdue(robot).getItems().size() == 2);
        robot.clickOn(rowLink(robot, "#overdueTable", "赵明", "row-visit"));
        waitUntil(() -> !robot.lookup("#staffField").queryAs(TextField.class).getText().isEmpty());
        Label problems = robot.lookup("#problemsLabel").queryAs(Label.class);
        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(problems.getText()).isEqualTo("请为 赵明 选择本次评估的风险等级。");
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#riskLevelBox");
        robot.clickOn(robot.lookup(".combo-box-popup .list-cell")
                .match((javafx.scene.control.ListCell<?> c) -> "1 级：口头威胁，无打砸".equals(c.getText()))
                .queryAs(Node.class));
        robot.interact(() -> robot.lookup("#staffField").queryAs(TextField.class).clear());
        assertThat(problems.getText()).isEqualTo("请填写参加走访的工作人员。");
        assertThat(save.isDisabled()).isTrue();

        type(robot, "#staffField", "李社工");
        assertThat(problems.getText()).isEmpty();
        robot.clickOn(save);
        waitUntil(() -> overdue(robot).getItems().size() == 1);
        assertThat(overdue(robot).getItems().get(0).name()).isEqualTo("王大爷");
        Visit saved = screen.fixture.ctx.visits().history(zhao, 0, 5).items().get(0);
        assertThat(saved.data().staff()).isEqualTo("李社工");
        assertThat(saved.partOf(zhao).orElseThrow().mentalRiskLevel()).isEqualTo(1);
    }
}
