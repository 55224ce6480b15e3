package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The page buttons and the "第 x / y 页" line, with 55 people and 50 to a page. */
@ExtendWith(ApplicationExtension.class)
class PeoplePagingViewTest {
    private PeopleScreen screen;

    @Start
    void start(Stage stage) {
        screen = new PeopleScreen(stage, new DirectTaskRunner(), ctx -> {
            List<PersonDraft> drafts = new ArrayList<>();
            for (int i = 0; i < 55; i++) {
                drafts.add(PersonDraft.minimal("居民" + i, TestPeople.id("19600101", i),
                        List.of(Membership.of(Category.ELDERLY_ALONE))));
            }
            ctx.people().registerAll(drafts);
        });
    }

    @AfterEach
    void close() {
        screen.ctx.close();
    }

    @Test
    void nextAndPreviousPage_walkThePages(FxRobot robot) {
        TableView<PersonRow> table = robot.lookup("#peopleTable").queryTableView();
        Label page = robot.lookup("#pageLabel").queryAs(Label.class);
        assertThat(page.getText()).isEqualTo("第 1 / 2 页，共 55 人");
        assertThat(table.getItems()).hasSize(50);
        assertThat(robot.lookup("#previousButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#nextButton");
        assertThat(page.getText()).isEqualTo("第 2 / 2 页，共 55 人");
        assertThat(table.getItems()).hasSize(5);
        assertThat(robot.lookup("#nextButton").queryButton().isDisabled()).isTrue();

        robot.clickOn("#previousButton");
        assertThat(page.getText()).isEqualTo("第 1 / 2 页，共 55 人");
        assertThat(table.getItems()).hasSize(50);
    }
}
