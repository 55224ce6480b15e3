package org.caredesk.today.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.today.ui.TodayScreen.waitUntil;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Issue 9 on 今日工作: the people marked 资料待补 are listed with what is missing, and open from the list. */
@ExtendWith(ApplicationExtension.class)
class MissingDetailsTodayTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private TodayScreen screen;

    @Start
    void start(Stage stage) {
        screen = new TodayScreen(stage, tasks, f -> {
            f.register("王大爷", "3号楼", "李社工", VisitsFixture.elderly());
            f.register("钱刚", "5号楼", "王社工", Membership.releasedPrisoner(null, "盗窃罪", null));
        });
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.fixture.close();
    }

    @SuppressWarnings("unchecked")
    private TableView<PersonMissingDetails> details(FxRobot robot) {
        return robot.lookup("#detailsTable").queryAs(TableView.class);
    }

    @Test
    void thePersonWithoutAReleaseDate_isListed_andTheFileOpensFromTheLine(FxRobot robot) {
        waitUntil(() -> details(robot).getItems().size() == 1);
        assertThat(robot.lookup("#detailsPane").queryAs(TitledPane.class).getText()).isEqualTo("资料待补（1）");
        TableView<PersonMissingDetails> table = details(robot);
        assertThat(table.getColumns().get(0).getCellData(0)).isEqualTo("钱刚");
        assertThat(table.getColumns().get(1).getCellData(0)).isEqualTo("释放日期");
        assertThat(table.getColumns().get(2).getCellData(0)).isEqualTo("5号楼");

        // The list is the last on the page: scroll down to it, as the caseworker would.
        ScrollPane scroll = robot.lookup("#scroll").queryAs(ScrollPane.class);
        robot.interact(() -> scroll.setVvalue(scroll.getVmax()));
        robot.clickOn(robot.lookup("#detailsTable .row-file").queryAs(Node.class));

        waitUntil(() -> robot.lookup("#missingDetailsLabel").tryQuery().isPresent());
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("钱刚");
        assertThat(robot.lookup("#missingDetailsLabel").queryAs(Label.class).getText())
                .isEqualTo("资料待补：释放日期。可以先保存，知道后再补录。");
    }
}
