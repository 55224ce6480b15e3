package org.caredesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.app.UsersModule;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
class SettingsViewTest {
    private AppContext ctx;
    private final AtomicInteger rebuilds = new AtomicInteger();
    private final ScriptedDialogs dialogs = new ScriptedDialogs();

    @Start
    void start(Stage stage) {
        ctx = AppContext.inMemory(Path.of("target", "test-data"), Clock.systemDefaultZone());
        var community = ctx.settings().createCommunity("测试社区", false);
        AppShell shell = new AppShell(ctx, new DirectTaskRunner(), dialogs, saved -> rebuilds.incrementAndGet());
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
    void choosingLargeFont_savesAndAppliesEverywhere(FxRobot robot) {
        robot.clickOn("#nav-settings");
        ComboBox<AppSettings.FontSize> box = robot.lookup("#fontSizeBox").queryComboBox();
        robot.interact(() -> box.setValue(AppSettings.FontSize.LARGE));
        robot.clickOn("#saveButton");

        assertThat(ctx.settings().load().fontSize()).isEqualTo(AppSettings.FontSize.LARGE);
        assertThat(rebuilds.get()).isEqualTo(1);
        assertThat(dialogs.infos()).hasSize(1);
    }

    @Test
    void theFrontDesk_seesTheCommunitySettingsDisabled_andChangesTheirOwnLanguage(FxRobot robot) {
        ctx.session().login(new UserIdentity(UUID.randomUUID(), "lixia", "李霞", EnumSet.of(Role.FRONT_DESK)),
                ctx.clock().instant());
        robot.clickOn("#nav-settings");

        TextField idle = robot.lookup("#idleMinutesField").queryAs(TextField.class);
        assertThat(idle.isDisabled()).isTrue();
        assertThat(robot.lookup("#communityHint").queryAs(Label.class).isVisible()).isTrue();
        ComboBox<AppSettings.Language> box = robot.lookup("#languageBox").queryComboBox();
        assertThat(box.isDisabled()).isFalse();
        robot.interact(() -> box.setValue(AppSettings.Language.ENGLISH));
        robot.clickOn("#saveButton");

        assertThat(ctx.settings().load().language()).isEqualTo(AppSettings.Language.ENGLISH);
        assertThat(rebuilds.get()).isEqualTo(1);
    }

    @Test
    void theDirector_mayChangeTheCommunitysIdleLock(FxRobot robot) {
        robot.clickOn("#nav-settings");

        TextField idle = robot.lookup("#idleMinutesField").queryAs(TextField.class);
        assertThat(idle.isDisabled()).isFalse();
        assertThat(robot.lookup("#communityHint").queryAs(Label.class).isVisible()).isFalse();
        robot.interact(idle::clear);
        robot.clickOn(idle).write("30");
        robot.clickOn("#saveButton");

        assertThat(UsersModule.securitySettings(ctx).load().idleTimeout()).isEqualTo(Duration.ofMinutes(30));
        assertThat(rebuilds.get()).as("nothing personal changed").isZero();
        assertThat(dialogs.infos()).hasSize(1);
    }
}
