package org.caredesk.app;

import java.nio.file.Path;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.VBox;
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
        VBox splash = new VBox(16, new ProgressIndicator(), message);
        splash.setAlignment(Pos.CENTER);
        splash.setPrefSize(420, 220);
        Scene scene = new Scene(splash);
        AppShell.style(splash, AppSettings.DEFAULTS);
        stage.setScene(scene);
        stage.show();
        tasks.run(p -> AppContext.open(folder), opened -> {
            ctx = opened;
            AppSettings settings = ctx.settings().load();
            I18n.setLocale(settings.language() == AppSettings.Language.ENGLISH ? I18n.ENGLISH : I18n.CHINESE);
            Optional<Community> community = ctx.settings().community();
            if (community.isPresent()) {
                showMain(community.get());
            } else {
                showFirstStart();
            }
        }, error -> {
            message.setText(ErrorMessages.of(error));
            message.setWrapText(true);
            splash.getChildren().remove(0);
        });
    }

    private void showFirstStart() {
        FirstStartView first = new FirstStartView(ctx, tasks, this::showMain);
        Scene scene = new Scene(first.root());
        AppShell.style(first.root(), ctx.settings().load());
        stage.setScene(scene);
        stage.setTitle(I18n.get("app.title"));
        stage.centerOnScreen();
    }

    private void showMain(Community community) {
        AppSettings settings = ctx.settings().load();
        FxDialogService dialogs = new FxDialogService(() -> stage);
        AppShell shell = new AppShell(ctx, tasks, dialogs, () -> {
            AppSettings now = ctx.settings().load();
            I18n.setLocale(now.language() == AppSettings.Language.ENGLISH ? I18n.ENGLISH : I18n.CHINESE);
            showMain(community);
            findSettings();
        });
        MainWindow main = shell.build(community);
        AppShell.style(main.root(), settings);
        Scene scene = new Scene(main.root(), 1280, 720);
        stage.setScene(scene);
        stage.setMinWidth(1000);
        stage.setMinHeight(640);
        AppShell.title(stage, community);
        stage.centerOnScreen();
        this.main = main;
    }

    private MainWindow main;

    private void findSettings() {
        if (main != null) {
            main.select("settings");
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
