package org.caredesk.visits.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.today.ui.TodayScreen.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.caredesk.common.RiskColour;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourSource;
import org.caredesk.today.DueItem;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.caredesk.today.ui.TodayScreen;

/**
 * The person's file as a caseworker reaches it from 今日工作: 打开档案 → 走访与预警 shows the visits and the colour
 * timeline; 调整颜色 refuses to save without a reason, then shows the override as such with its last day.
 */
@ExtendWith(ApplicationExtension.class)
class PersonCareViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private TodayScreen screen;

    @Start
    void start(Stage stage) {
        screen = new TodayScreen(stage, tasks, f -> {
            var p = f.register("王大爷", "3号楼", "李社工", VisitsFixture.elderly());
            f.advanceDays(10);
            f.visitNow(p);
            f.advanceDays(40);
        });
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.fixture.close();
    }

    @SuppressWarnings("unchecked")
    private <T> TableView<T> table(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TableView.class);
    }

    @Test
    void overrideNeedsAReason_andThenShowsAsSuchInTheFileAndTheTimeline(FxRobot robot) {
        waitUntil(() -> table(robot, "#overdueTable").getItems().size() == 1);
        robot.clickOn(robot.lookup("#overdueTable .row-file").queryAs(Node.class));
        waitUntil(() -> robot.lookup("#careButton").tryQuery().isPresent()
                && robot.lookup("#careButton").queryAs(Button.class).isVisible());
        robot.clickOn("#careButton");

        waitUntil(() -> table(robot, "#visitsTable").getItems().size() == 1);
        TableView<Visit> visits = table(robot, "#visitsTable");
        assertThat(visits.getColumns().get(3).getCellData(0)).isEqualTo("情况稳定");
        assertThat(robot.lookup("#colourLabel").queryAs(Label.class).getText()).startsWith("现在是绿色：无风险因素");
        assertThat(robot.lookup("#overrideLabel").queryAs(Label.class).isVisible()).isFalse();

        robot.clickOn("#overrideButton");
        Button save = (Button) robot.lookup("#reasonArea").query().getScene().lookup("#saveButton");
        waitUntil(() -> !robot.lookup("#expiryPicker").queryAs(javafx.scene.control.DatePicker.class).getEditor()
                .getText().isEmpty());
        robot.clickOn("#redChoice");
        Label problems = robot.lookup("#problemsLabel").queryAs(Label.class);
        assertThat(problems.getText()).isEqualTo("请填写调整原因。");
        assertThat(save.isDisabled()).isTrue();

        robot.clickOn("#reasonArea").write("近期与家人冲突频繁");
        assertThat(problems.getText()).isEmpty();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);

        waitUntil(() -> robot.lookup("#overrideLabel").queryAs(Label.class).isVisible());
        assertThat(robot.lookup("#overrideLabel").queryAs(Label.class).getText())
                .startsWith("人工调整为红色，到 2025-10-20 为止。原因：近期与家人冲突频繁");
        assertThat(robot.lookup("#colourLabel").queryAs(Label.class).getText()).startsWith("现在是红色（人工调整）");
        TableView<ColourChange> timeline = table(robot, "#timelineTable");
        assertThat(timeline.getItems().get(0).source()).isEqualTo(ColourSource.OVERRIDE);
        assertThat(timeline.getItems().get(0).to()).isEqualTo(RiskColour.RED);
        // The home screen follows: the person is red now, and a red person is due every 7 days.
        waitUntil(() -> table(robot, "#overdueTable").getItems().stream()
                .anyMatch(d -> ((DueItem) d).colour() == RiskColour.RED));
    }
}
