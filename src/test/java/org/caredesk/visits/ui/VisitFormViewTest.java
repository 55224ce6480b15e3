package org.caredesk.visits.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.today.ui.TodayScreen.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.caredesk.today.DueItem;
import org.caredesk.today.ui.TodayScreen;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The visit form marks the input at fault (ControlsFX decoration and the sentence as its tooltip) with the same
 * sentence its list of problems shows, and the mark goes when the input is right again.
 */
@ExtendWith(ApplicationExtension.class)
class VisitFormViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private TodayScreen screen;

    @Start
    void start(Stage stage) {
        screen = new TodayScreen(stage, tasks, f -> {
            f.register("王大爷", "3号楼", "李社工", VisitsFixture.elderly());
            f.advanceDays(40);
        });
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.fixture.close();
    }

    private void type(FxRobot robot, String query, String text) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.clickOn(n);
        robot.write(text);
    }

    @Test
    void aMissingStaffNameAndAnUnreadableTime_markTheirInputs_untilTheyAreRight(FxRobot robot) {
        TableView<?> overdue = robot.lookup("#overdueTable").queryAs(TableView.class);
        waitUntil(() -> overdue.getItems().size() == 1);
        robot.clickOn(robot.lookup("#overdueTable .row-visit").match((Node n) -> {
            javafx.scene.control.TableCell<?, ?> cell = (javafx.scene.control.TableCell<?, ?>) n.getParent()
                    .getParent();
            return cell.getTableRow() != null && cell.getTableRow().getItem() instanceof DueItem;
        }).queryAs(Node.class));
        TextField staff = robot.lookup("#staffField").queryAs(TextField.class);
        TextField time = robot.lookup("#timeField").queryAs(TextField.class);
        waitUntil(() -> !staff.getText().isEmpty());
        Label problems = robot.lookup("#problemsLabel").queryAs(Label.class);
        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(staff.getStyleClass()).doesNotContain("field-error");
        assertThat(time.getStyleClass()).doesNotContain("field-error");

        robot.interact(staff::clear);
        assertThat(problems.getText()).isEqualTo("请填写参加走访的工作人员。");
        assertThat(staff.getStyleClass()).contains("field-error");
        assertThat(staff.getTooltip().getText()).isEqualTo("请填写参加走访的工作人员。");
        assertThat(save.isDisabled()).isTrue();

        robot.interact(time::clear);
        type(robot, "#timeField", "25:00");
        assertThat(time.getStyleClass()).contains("field-error");
        assertThat(time.getTooltip().getText()).isEqualTo("走访时间请写成 09:30 这样的格式（24 小时制）。");
        assertThat(staff.getStyleClass()).as("the staff mark stays while staff is missing").contains("field-error");

        robot.interact(time::clear);
        type(robot, "#timeField", "0点05");
        assertThat(time.getStyleClass()).doesNotContain("field-error");
        assertThat(time.getTooltip()).isNull();
        type(robot, "#staffField", "李社工");
        assertThat(staff.getStyleClass()).doesNotContain("field-error");
        assertThat(staff.getTooltip()).isNull();
        assertThat(problems.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
    }
}
