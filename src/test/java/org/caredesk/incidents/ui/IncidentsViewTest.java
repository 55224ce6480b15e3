package org.caredesk.incidents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.stage.Stage;
import org.caredesk.app.AppShell;
import org.caredesk.common.I18n;
import org.caredesk.people.Person;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
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
import org.testfx.util.WaitForAsyncUtils;

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
        var community = f.ctx.settings().createCommunity("测试社区", false);
        MainWindow main = new AppShell(f.ctx, tasks, new ScriptedDialogs(), saved -> { }).build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        tasks.close();
        f.close();
    }

    private static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not get there in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void anIncidentOpenTooLong_isFlagged_thenCompletedAndClosed(FxRobot robot) {
        robot.clickOn("#nav-incidents");
        TableView<OpenIncident> table = robot.lookup("#incidentsTable").queryTableView();
        waitUntil(() -> table.getItems().size() == 2);
        assertThat(robot.lookup("#summaryLabel").queryAs(Label.class).getText())
                .isEqualTo("2 件未办结，其中 1 件超过 24 小时未办结");
        assertThat(robot.lookup(".late-badge").queryAll()).hasSize(1);
        assertThat(robot.lookup(".late-badge").queryAs(Label.class).getText()).isEqualTo("超过 24 小时未办结");
        Node lateRow = robot.lookup(".late-row").query();
        assertThat(((TableRow<?>) lateRow).getItem()).isEqualTo(table.getItems().get(0));

        robot.doubleClickOn(lateRow);
        waitUntil(() -> robot.lookup("#outcomeArea").tryQuery().isPresent());
        assertThat(robot.lookup("#chosenPersonLabel").queryAs(Label.class).getText()).isEqualTo("当事人：张桂兰");
        assertThat(robot.lookup("#personSearchField").query().isVisible()).as("the person stays").isFalse();
        assertThat(robot.lookup("#actionsArea").queryAs(TextArea.class).getText()).isEqualTo("通知家属寻找");
        Node close = robot.lookup("#closeIncidentButton").query();
        assertThat(close.isDisabled()).as("closing needs an outcome").isTrue();
        robot.clickOn("#outcomeArea").write("次日在公园找到，已送回家");
        assertThat(close.isDisabled()).isFalse();
        robot.clickOn(close);

        waitUntil(() -> table.getItems().size() == 1);
        assertThat(table.getItems().get(0).personName()).isEqualTo("李强");
        assertThat(robot.lookup("#noticeLabel").queryAs(Label.class).getText()).isEqualTo("张桂兰 的应急事件已办结。");
        assertThat(f.ctx.incidents().forPerson(late.id()).get(0).status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(robot.lookup(".late-badge").tryQuery()).isEmpty();
    }
}
