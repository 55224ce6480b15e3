package org.caredesk.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.caredesk.common.I18n;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.FxDialogService;
import org.caredesk.ui.FxTaskRunner;
import org.caredesk.ui.MainWindow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JavaFX application: a splash while the database opens and migrates (off the FX thread), then either the
 * first-start choice or the main window.
 */
public final class CareDeskApp extends Application {
    private static final Logger LOG = LoggerFactory.getLogger(CareDeskApp.class);
    private static volatile Path dataDir;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private Stage stage;
    private AppContext ctx;
    private AppSettings settings = AppSettings.DEFAULTS;
    private MainWindow main;
    private boolean mainShown;

    /** What the opening task hands to the FX thread. */
    private record Opened(AppContext ctx, AppSettings settings, Optional<Community> community) {}

    static void launch(Path folder) {
        dataDir = folder;
        Application.launch(CareDeskApp.class);
    }

    @Override
    public void start(Stage primary) {
        this.stage = primary;
        Thread.setDefaultUncaughtExceptionHandler((t, e) -> LOG.error("Uncaught exception in {}", t.getName(), e));
        Path folder = dataDir != null ? dataDir : DataDirectory.resolve(null);
        stage.setTitle(I18n.get("app.title"));
        Label message = new Label(I18n.get("splash.opening"));
        message.setWrapText(true);
        message.setMaxWidth(380);
        VBox splash = new VBox(16, new ProgressIndicator(), message);
        splash.setAlignment(Pos.CENTER);
        splash.setPrefSize(440, 220);
        AppShell.style(splash, AppSettings.DEFAULTS);
        stage.setScene(new Scene(splash));
        stage.show();
        tasks.run(p -> {
            AppContext opened = AppContext.open(folder);
            return new Opened(opened, opened.settings().load(), opened.settings().community());
        }, opened -> {
            ctx = opened.ctx();
            applySettings(opened.settings());
            if (opened.community().isPresent()) {
                showMain(opened.community().get());
            } else {
                showFirstStart();
            }
        }, error -> {
            message.setText(ErrorMessages.of(error));
            splash.getChildren().remove(0);
        });
    }

    private void applySettings(AppSettings s) {
        settings = s;
        I18n.setLocale(s.language() == AppSettings.Language.ENGLISH ? I18n.ENGLISH : I18n.CHINESE);
    }

    private void showFirstStart() {
        FirstStartView first = new FirstStartView(ctx, tasks, this::showMain);
        AppShell.style(first.root(), settings);
        stage.setScene(new Scene(first.root()));
        stage.setTitle(I18n.get("app.title"));
        stage.sizeToScene();
        stage.centerOnScreen();
    }

    private void showMain(Community community) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        AppShell shell = new AppShell(ctx, tasks, dialogs, saved -> {
            // Language and font size apply on the spot: rebuild the shell in the new language, stay on settings.
            applySettings(saved);
            showMain(community);
            main.select("settings");
        });
        main = shell.build(community);
        AppShell.style(main.root(), settings);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Leave room for the title bar and taskbar; on a 1366x768 office screen the window starts maximised.
        Scene scene = new Scene(main.root(), Math.min(1280, screen.getWidth() - 16),
                Math.min(800, screen.getHeight() - 40));
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        AppShell.title(stage, community);
        if (!mainShown) {
            // Only the first time: a rebuild after a settings change must not make the window jump.
            stage.centerOnScreen();
            stage.setMaximized(screen.getWidth() <= 1440);
            mainShown = true;
        }
    }

    @Override
    public void stop() {
        tasks.close();
        if (ctx != null) {
            ctx.close();
        }
        Platform.exit();
    }
}
