package org.caredesk.today.ui;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.caredesk.app.AppShell;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.testing.ScriptedDialogs;
import org.caredesk.visits.VisitsFixture;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The whole main window as the application builds it (same shell, same wiring) on an in-memory database whose clock
 * the test sets, at 1366x768. {@code seed} runs before the window is built, so the lists show its people at once.
 */
public final class TodayScreen {
    public final VisitsFixture fixture;
    public final ScriptedDialogs dialogs = new ScriptedDialogs();
    public final MainWindow main;

    public TodayScreen(Stage stage, TaskRunner tasks, Consumer<VisitsFixture> seed) {
        fixture = new VisitsFixture(Path.of("target", "today-test"));
        Community community = fixture.ctx.settings().createCommunity("测试社区", false);
        seed.accept(fixture);
        AppShell shell = new AppShell(fixture.ctx, tasks, dialogs, saved -> { });
        main = shell.build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
    }

    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not get there in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
