package org.caredesk.incidents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.people.Person;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.ui.testing.ShellScreen;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The open incidents as a caseworker meets them: the overdue one flagged, completed and closed through the form. */
@ExtendWith(ApplicationExtension.class)
class IncidentsViewTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private VisitsFixture f;
    private Person late;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(Path.of("target", "test-data"));
        late = f.register("张桂兰", VisitsFixture.elderly());
        Person recent = f.register("李强", VisitsFixture.elderly());
        f.ctx.incidents().record(new IncidentDraft(late.id(), f.now().minusHours(30), IncidentType.MISSING,
                "晚饭后未回家", "通知家属寻找", null, null));
        f.ctx.incidents().record(new IncidentDraft(recent.id(), f.now().minusHours(2), IncidentType.DISPUTE,
                null, "现场调解", null, null));
        ShellScreen.show(stage, f.ctx, tasks, new ScriptedDialogs());
    }

    @AfterEach
    void close() {
        tasks.close();
        f.close();
    }

    @Test
    void anIncidentOpenTooLong_isFlagged_thenCompletedAndClosed(FxRobot robot) {
        robot.clickOn("#nav-incidents");
        TableView<OpenIncident> table = robot.lookup("#incidentsTable").queryTableView();
        ShellScreen.waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText())
                .isEqualTo("2 件未办结，其中 1 件超过 24 小时未办结");
        assertThat(robot.lookup(".late-badge").queryAll()).hasSize(1);
        assertThat(robot.lookup(".late-badge").queryAs(Label.class).getText()).isEqualTo("超过 24 小时未办结");
        Node lateRow = robot.lookup(".late-row").query();
        assertThat(((TableRow<?>) lateRow).getItem()).isEqualTo(table.getItems().get(0));

        robot.doubleClickOn(lateRow);
        ShellScreen.waitUntil(() -> robot.lookup("#outcomeArea").tryQuery().isPresent());
        assertThat(robot.lookup("#chosenPersonLabel").queryAs(Label.class).getText()).isEqualTo("当事人：张桂兰");
        assertThat(robot.lookup("#personSearchField").query().isVisible()).as("the person stays").isFalse();
        assertThat(robot.lookup("#actionsArea").queryAs(TextArea.class).getText()).isEqualTo("通知家属寻找");
        Node close = robot.lookup("#closeIncidentButton").query();
        assertThat(close.isDisabled()).as("closing needs an outcome").isTrue();
        robot.clickOn("#outcomeArea").write("次日在公园找到，已送回家");
        assertThat(close.isDisabled()).isFalse();
        robot.clickOn(close);

        ShellScreen.waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).personName()).isEqualTo("李强");
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).isEqualTo("张桂兰 的应急事件已办结。");
        assertThat(f.ctx.incidents().forPerson(late.id()).get(0).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(robot.lookup(".late-badge").tryQuery()).isEmpty();
    }
}
