package org.caredesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.stage.Stage;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.settings.ui.SettingsView;
import org.caredesk.settings.ui.SettingsViewModel;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.NavEntry;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/**
 * Wires the areas of the main window to their views and view models. Used by the application and by the UI tests,
 * which build the same shell on an in-memory database.
 */
public final class AppShell {
    private final AppContext ctx;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Consumer<AppSettings> rebuild;
    private final ControllerFactory controllers = new ControllerFactory();
    private final ViewLoader loader = new ViewLoader(controllers);

    /**
     * @param rebuild called with the saved settings after a change that affects every view (language, font size)
     */
    public AppShell(AppContext ctx, TaskRunner tasks, DialogService dialogs, Consumer<AppSettings> rebuild) {
        this.ctx = ctx;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.rebuild = rebuild;
        registerControllers();
    }

    private void registerControllers() {
        controllers.register(SettingsView.class,
                c -> new SettingsView(new SettingsViewModel(ctx.settings(), tasks), dialogs, rebuild));
        PeopleWiring.register(controllers, ctx, tasks, dialogs, loader);
    }

    public ViewLoader loader() {
        return loader;
    }

    public MainWindow build(Community community) {
        List<NavEntry> entries = new ArrayList<>();
        // entries.add(new NavEntry("people", "nav.people", () -> PeopleWiring.mainView(loader)));
        entries.add(new NavEntry("settings", "nav.settings", () -> loader.load(SettingsView.class)));
        return new MainWindow(entries, community.name(), ctx.dataDir().toString(), community.demo());
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
