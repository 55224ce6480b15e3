package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.IdNumber;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A person's file as a caseworker and as the front desk open it: masked numbers, and who may reveal them. */
@ExtendWith(ApplicationExtension.class)
class RevealNumbersViewTest {
    private static final String ID = TestPeople.id("19700101", 3);
    private PeopleScreen screen;
    private Stage stage;

    @Start
    void start(Stage primary) {
        stage = primary;
        screen = new PeopleScreen(stage, new DirectTaskRunner(), ctx -> ctx.people().register(new PersonDraft(
                "李四", IdType.RESIDENT_ID, ID, null, "13800138000", null, "锦绣花园", "2号楼", null, null, null, null,
                null, null, null, "王社工", null, List.of(Membership.of(Category.ELDERLY_ALONE)))));
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream().filter(w -> w != stage)
                .forEach(Window::hide));
        screen.ctx.close();
    }

    private void openFileAs(FxRobot robot, Role role) {
        screen.ctx.session().login(new UserIdentity(UUID.randomUUID(), role.name(), role.name(), EnumSet.of(role)),
                screen.ctx.clock().instant());
        robot.doubleClickOn("李四");
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class).getText();
    }

    @Test
    void aCaseworker_revealsThePersonsNumbers_andSeesThem(FxRobot robot) {
        openFileAs(robot, Role.CASEWORKER);
        assertThat(text(robot, "#idNumberField")).isEqualTo(IdNumber.mask(ID));
        assertThat(text(robot, "#phone1Field")).isEqualTo("138****8000");
        Button reveal = robot.lookup("#revealButton").queryButton();
        assertThat(reveal.isVisible()).isTrue();
        assertThat(reveal.getText()).isEqualTo("显示完整号码");

        robot.clickOn("#revealButton");

        assertThat(text(robot, "#idNumberField")).isEqualTo(ID);
        assertThat(text(robot, "#phone1Field")).isEqualTo("13800138000");
        assertThat(robot.lookup("#revealButton").queryButton().isVisible()).isFalse();
        assertThat(robot.lookup("#numbersNoteLabel").queryAs(Label.class).getText())
                .isEqualTo("已显示这个人的完整号码，这次查看已记入审计日志。");
    }

    @Test
    void theFrontDesk_hasNoRevealButton_andSeesOnlyMasks(FxRobot robot) {
        openFileAs(robot, Role.FRONT_DESK);

        assertThat(robot.lookup("#nameField").queryAs(TextField.class).getText()).isEqualTo("李四");
        assertThat(robot.lookup("#revealButton").queryButton().isVisible()).isFalse();
        assertThat(text(robot, "#idNumberField")).isEqualTo(IdNumber.mask(ID));
        assertThat(text(robot, "#phone1Field")).isEqualTo("138****8000");
        assertThat(robot.lookup("#numbersNoteLabel").queryAs(Label.class).getText())
                .startsWith("证件号码和电话号码已部分遮盖。");
    }
}
