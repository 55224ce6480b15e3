package org.caredesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.UUID;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.risk.RiskSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** 走访与预警规则 on the settings page, driven as a person would. */
@ExtendWith(ApplicationExtension.class)
class RiskRulesViewTest {
    private AppContext ctx;

    @Start
    void start(Stage stage) {
        I18n.setLocale(I18n.CHINESE);
        ctx = AppContext.inMemory(Path.of("target", "test-data"), Clock.systemDefaultZone());
        var community = ctx.settings().createCommunity("测试社区", false);
        AppShell shell = new AppShell(ctx, new DirectTaskRunner(), new ScriptedDialogs(), saved -> { });
        MainWindow main = shell.build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    @Test
    void theDirector_setsTheRedVisitIntervalTo5_andSavesIt(FxRobot robot) {
        robot.clickOn("#nav-settings");

        TextField red = robot.lookup("#riskRule-redDays").queryAs(TextField.class);
        assertThat(red.isDisabled()).isFalse();
        assertThat(red.getText()).isEqualTo("7");
        assertThat(robot.lookup("#onlyManagersHint").queryAs(Label.class).isVisible()).isFalse();
        robot.doubleClickOn(red).write("5");
        robot.clickOn("#saveRulesButton");

        assertThat(ctx.riskSettings().load().redDays()).isEqualTo(5);
        assertThat(robot.lookup("#rulesStatus").queryAs(Label.class).getText())
                .isEqualTo(I18n.get("riskRules.saved"));
    }

    @Test
    void aWordInsteadOfANumber_isRefusedBesideTheField(FxRobot robot) {
        robot.clickOn("#nav-settings");

        TextField red = robot.lookup("#riskRule-redDays").queryAs(TextField.class);
        robot.doubleClickOn(red).write("五");
        robot.clickOn("#saveRulesButton");

        assertThat(robot.lookup("#riskRuleProblem-redDays").queryAs(Label.class).getText())
                .contains("红色人员走访间隔（天）").contains("五");
        assertThat(ctx.riskSettings().load()).isEqualTo(RiskSettings.DEFAULTS);

        robot.clickOn("#defaultsButton");
        assertThat(red.getText()).isEqualTo("7");
        assertThat(robot.lookup("#riskRuleProblem-redDays").queryAs(Label.class).getText()).isEmpty();
    }

    @Test
    void theFrontDesk_seesTheRulesDisabled_withTheReason(FxRobot robot) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "lixia", "李霞", EnumSet.of(Role.FRONT_DESK)),
                ctx.clock().instant());
        robot.clickOn("#nav-settings");

        TextField red = robot.lookup("#riskRule-redDays").queryAs(TextField.class);
        assertThat(red.getText()).isEqualTo("7");
        assertThat(red.isDisabled()).isTrue();
        assertThat(robot.lookup("#saveRulesButton").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#defaultsButton").queryAs(Button.class).isDisabled()).isTrue();
        Label hint = robot.lookup("#onlyManagersHint").queryAs(Label.class);
        assertThat(hint.isVisible()).isTrue();
        assertThat(hint.getText()).isEqualTo(I18n.get("riskRules.onlyManagers"));
    }
}
