package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The window says 演示数据 for the demo community, so fictitious people are never taken for real ones. */
@ExtendWith(ApplicationExtension.class)
class WindowTitleTest {
    private static final String PW = "Gate-keeper7";

    private Path dataDir;
    private Stage stage;
    private StartFlow flow;
    private final Login login = new Login(1_000, Clock.systemDefaultZone());

    @Start
    void start(Stage s) throws IOException {
        I18n.setLocale(I18n.CHINESE);
        Files.createDirectories(Path.of("target"));
        dataDir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "window-title");
        stage = s;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (flow != null) {
            robot.interact(flow::close);
        }
    }

    private void logInThroughTheWindow(FxRobot robot) {
        robot.interact(() -> {
            flow = new StartFlow(stage, dataDir, login, new DirectTaskRunner());
            flow.start();
        });
        robot.clickOn("#userNameField").write("admin");
        robot.clickOn("#passwordField").write(PW);
        robot.clickOn("#loginButton");
    }

    @Test
    void theDemoCommunity_saysDemoDataInTheTitleAndTheStatusBar(FxRobot robot) {
        login.setUp(dataDir, Login.CommunityChoice.demoCommunity(), "admin", "演示管理员", PW.toCharArray()).close();

        logInThroughTheWindow(robot);

        assertThat(stage.getTitle()).isEqualTo("社区帮扶工作台（演示数据） — " + DemoCommunity.NAME).contains("演示数据");
        assertThat(robot.lookup(".label").queryAllAs(Label.class)).extracting(Label::getText).contains("演示数据");
    }

    @Test
    void aRealCommunity_hasNoDemoMarkInTheTitle(FxRobot robot) {
        login.setUp(dataDir, Login.CommunityChoice.named("幸福社区"), "admin", "王主任", PW.toCharArray()).close();

        logInThroughTheWindow(robot);

        assertThat(stage.getTitle()).isEqualTo("社区帮扶工作台 — 幸福社区").doesNotContain("演示");
    }
}
