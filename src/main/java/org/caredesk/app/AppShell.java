package org.caredesk.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.Parent;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.audit.ui.AuditLogView;
import org.caredesk.audit.ui.AuditLogViewModel;
import org.caredesk.audit.ui.PersonHistoryView;
import org.caredesk.audit.ui.PersonHistoryViewModel;
import org.caredesk.people.service.RosterExporter;
import org.caredesk.people.service.RosterImporter;
import org.caredesk.people.ui.RosterActions;
import org.caredesk.people.ui.roster.ExportChoiceView;
import org.caredesk.people.ui.roster.FxRosterActions;
import org.caredesk.people.ui.roster.ImportView;
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
    private MainWindow main;
    private Consumer<String> onDatabaseReplaced = sentence -> { };

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
        controllers.register(SettingsView.class, c -> new SettingsView(new SettingsViewModel(ctx.settings(),
                UsersWiring.securitySettings(ctx), UsersWiring.session(ctx), tasks), dialogs, rebuild));
        RosterActions roster = new FxRosterActions(
                ctx.get(RosterImporter.class, c -> new RosterImporter(c.people())),
                ctx.get(RosterExporter.class, c -> new RosterExporter(c.people(), c.tempDir())),
                tasks, dialogs, loader, this::window, ctx.tempDir());
        PeopleWiring.register(controllers, ctx, tasks, dialogs, loader, roster);
        // The roster import dialog (FxRosterActions loads it through this loader).
        controllers.register(ImportView.class, c -> new ImportView());
        controllers.register(ExportChoiceView.class, c -> new ExportChoiceView());
        UsersWiring.register(controllers, ctx, tasks, dialogs, loader);
        BoardWiring.register(controllers, ctx, tasks, dialogs, loader);
        AuditExporter auditExporter = ctx.get(AuditExporter.class,
                c -> new AuditExporter(c.audit(), c.tempDir(), c.actor()));
        controllers.register(AuditLogView.class,
                c -> new AuditLogView(new AuditLogViewModel(ctx.audit(), auditExporter, tasks), dialogs));
        controllers.register(PersonHistoryView.class,
                c -> new PersonHistoryView(new PersonHistoryViewModel(ctx.people()::personHistory, tasks)));
        BackupsWiring.register(controllers, ctx, tasks, dialogs, sentence -> onDatabaseReplaced.accept(sentence));
        VisitsWiring.register(controllers, ctx, tasks, dialogs, loader);
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

    public MainWindow build(Community community) {
        List<NavEntry> entries = new ArrayList<>();
        // Areas appear only for a user whose roles grant them; the services check the same permissions again.
        Session session = UsersWiring.session(ctx);
        if (session.has(Permission.PEOPLE_READ)) {
            entries.add(new NavEntry("people", "nav.people", () -> PeopleWiring.mainView(loader)));
        }
        // 今日工作 is the first screen of those who record visits; others who may read it find it after the people.
        if (session.has(Permission.VISITS_READ)) {
            entries.add(session.has(Permission.VISITS_WRITE) ? 0 : entries.size(),
                    new NavEntry("today", "nav.today", () -> VisitsWiring.mainView(loader)));
        }
        BoardWiring.addNavEntries(entries, session, loader);
        if (session.has(Permission.USERS_MANAGE)) {
            entries.add(new NavEntry("users", "nav.users", () -> UsersWiring.mainView(loader)));
        }
        if (session.has(Permission.AUDIT_READ)) {
            entries.add(new NavEntry("audit", "nav.audit", () -> loader.load(AuditLogView.class)));
        }
        if (session.has(Permission.BACKUP) || session.has(Permission.RESTORE)) {
            entries.add(new NavEntry("backups", "nav.backups", () -> BackupsWiring.mainView(loader)));
        }
        entries.add(new NavEntry("settings", "nav.settings", () -> loader.load(SettingsView.class)));
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
