package org.caredesk.ui.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.caredesk.app.AppContext;
import org.caredesk.app.AppShell;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.TaskRunner;
import org.testfx.util.WaitForAsyncUtils;

/** The application's own shell at 1366x768 for the screen tests, and the wait they share for background work. */
public final class ShellScreen {
    /** Long enough for a loaded build machine; a screen that gets there sooner is not held up. */
    private static final int WAIT_SECONDS = 20;

    private ShellScreen() {}

    /** Builds the shell for a new test community (测试社区) with the default look and shows it on the stage. */
    public static MainWindow show(Stage stage, AppContext ctx, TaskRunner tasks, DialogService dialogs) {
        var community = ctx.settings().createCommunity("测试社区", false);
        MainWindow main = new AppShell(ctx, tasks, dialogs, saved -> { }).build(community);
        AppShell.style(main.root(), AppSettings.DEFAULTS);
        stage.setScene(new Scene(main.root(), 1366, 768));
        stage.show();
        return main;
    }

    /** Waits until the condition holds (work runs on real background threads), then for the FX events. */
    public static void waitUntil(Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(WAIT_SECONDS, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("the screen did not get there in time", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }
}
