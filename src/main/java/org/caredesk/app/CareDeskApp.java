package org.caredesk.app;

import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.caredesk.ui.FxTaskRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: hands the stage to the {@link StartFlow} (splash, setup or login, main window) and ends
 * the session when the program closes.
 */
public final class CareDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CareDeskApp.class);
    private static volatile Path dataDir;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private StartFlow flow;

    static void launch(Path folder) {
        dataDir = folder;
        Application.launch(CareDeskApp.class);
    }

    @Override
    public void start(Stage primary) {
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
        Path folder = dataDir != null ? dataDir : DataDirectory.resolve(null);
        flow = new StartFlow(primary, folder, Login.standard(), tasks);
        flow.start();
    }

    @Override
    public void stop() {
        tasks.close();
        if (flow != null) {
            try {
                flow.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not record the logout at exit", e);
            }
        }
        Platform.exit();
    }
}
