package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.testing.ShellScreen;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 9 in the person form: a released prisoner whose release date is not known yet is saved, with the 资料待补
 * note naming the field, and the 帮教 end reads 未知 rather than a date.
 */
@ExtendWith(ApplicationExtension.class)
class MissingDetailsFormTest {
    private final FxTaskRunner tasks = new FxTaskRunner();
    private PeopleScreen screen;

    @Start
    void start(Stage stage) {
        screen = new PeopleScreen(stage, tasks, ctx ->
                TestPeople.elderly(ctx.people(), "李四", TestPeople.id("19700101", 3), "2号楼"));
    }

    @AfterEach
    void close() {
        tasks.close();
        screen.ctx.close();
    }

    private TableView<PersonRow> table(FxRobot robot) {
        return robot.lookup("#peopleTable").queryTableView();
    }

    private void clickInForm(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        robot.interact(n::requestFocus);
        robot.clickOn(n);
    }

    private void typeInForm(FxRobot robot, String query, String text) {
        clickInForm(robot, query);
        robot.write(text);
    }

    @Test
    void savingWithoutTheReleaseDate_isAllowed_andTheNoteSaysWhatIsMissing(FxRobot robot) {
        ShellScreen.waitUntil(() -> table(robot).getItems().size() == 1);
        robot.clickOn("#newButton");
        typeInForm(robot, "#nameField", "张三丰");
        typeInForm(robot, "#idNumberField", "11010519491231002X");
        Label note = robot.lookup("#missingDetailsLabel").queryAs(Label.class);
        assertThat(note.isVisible()).isFalse();

        clickInForm(robot, "#releasedCheck");
        typeInForm(robot, "#offenceField", "盗窃罪");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("资料待补：释放日期。可以先保存，知道后再补录。");
        assertThat(robot.lookup("#helpEndLabel").queryAs(Label.class).getText()).isEqualTo("未知（资料待补）");
        assertThat(robot.lookup("#error-RELEASE_DATE").queryAs(Label.class).isVisible()).isFalse();
        Button save = robot.lookup("#saveButton").queryButton();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn(save);
        ShellScreen.waitUntil(() -> table(robot).getItems().size() == 2);
        Person stored = screen.ctx.people().search(PersonQuery.text("张三丰")).items().stream().findFirst()
                .flatMap(r -> screen.ctx.people().find(r.id())).orElseThrow();
        Membership released = stored.data().memberships().get(0);
        assertThat(released.category()).isEqualTo(Category.RELEASED_PRISONER);
        assertThat(released.releaseDate()).isNull();
        assertThat(released.offence()).isEqualTo("盗窃罪");

        robot.doubleClickOn("张三丰");
        ShellScreen.waitUntil(() -> robot.lookup("#nameField").tryQuery().isPresent());
        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("张三丰");
        assertThat(robot.lookup("#missingDetailsLabel").queryAs(Label.class).getText())
                .isEqualTo("资料待补：释放日期。可以先保存，知道后再补录。");
    }
}
