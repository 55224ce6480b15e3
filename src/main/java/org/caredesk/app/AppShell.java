package org.caredesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.NavEntry;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/**
 * The main window's areas, assembled from the context's feature modules ({@link Modules#ALL}): each registers its
 * views and adds its navigation entries. Used by the application and by the UI tests, which build the same shell on an
 * in-memory database.
 */
public final class AppShell {
    private final AppContext ctx;
    private final ControllerFactory controllers = new ControllerFactory();
    private final ViewLoader loader = new ViewLoader(controllers);
    private final Screens screens;
    private MainWindow main;
    private Consumer<String> onDatabaseReplaced = sentence -> { };

    /**
     * @param rebuild called with the saved settings after a change that affects every view (language, font size)
     */
    public AppShell(AppContext ctx, TaskRunner tasks, DialogService dialogs, Consumer<AppSettings> rebuild) {
        this(ctx, tasks, dialogs, rebuild, Overrides.none());
    }

    /**
     * @param overrides pieces of the window a test replaces (a recording {@code RosterActions}, say), given before
     *     the modules register their views
     */
    public AppShell(AppContext ctx, TaskRunner tasks, DialogService dialogs, Consumer<AppSettings> rebuild,
            Overrides overrides) {
        this.ctx = ctx;
        this.screens = new Screens(ctx, tasks, dialogs, controllers, loader, this::window, rebuild,
                sentence -> onDatabaseReplaced.accept(sentence), overrides);
        for (FeatureModule m : ctx.modules()) {
            m.registerViews(screens);
        }
        screens.seal();
    }

    /**
     * What happens after a restore closed the database (the program must open the data again): called on the FX
     * thread with the sentence for the user.
     */
    public AppShell onDatabaseReplaced(Consumer<String> handler) {
        this.onDatabaseReplaced = handler;
        return this;
    }

    /** The window the shell is shown in, owner of its dialogs; null before it is shown. */
    private Window window() {
        return main == null || main.root().getScene() == null ? null : main.root().getScene().getWindow();
    }

    public ViewLoader loader() {
        return loader;
    }

    /** The pieces of this window several features' views share. */
    public Screens screens() {
        return screens;
    }

    /** Areas appear only for a user whose roles grant them; the services check the same permissions again. */
    public MainWindow build(Community community) {
        List<NavEntry> entries = new ArrayList<>();
        for (FeatureModule m : ctx.modules()) {
            m.addNavigation(screens, entries);
        }
        main = new MainWindow(entries, community.name(), ctx.dataDir().toString(), community.demo());
        return main;
    }

    /** The stylesheet and the chosen base font size on a root node. */
    public static void style(Parent root, AppSettings settings) {
        String css = AppShell.class.getResource("/org/caredesk/ui/caredesk.css").toExternalForm();
        if (!root.getStylesheets().contains(css)) {
            root.getStylesheets().add(css);
        }
        root.setStyle("-fx-font-size: " + settings.fontSize().points() + "px;");
    }

    /** Sets the window title, marking demo data. */
    public static void title(Stage stage, Community community) {
        stage.setTitle(org.caredesk.common.I18n.get(community.demo() ? "app.titleDemo" : "app.title") + " — "
                + community.name());
    }
}
