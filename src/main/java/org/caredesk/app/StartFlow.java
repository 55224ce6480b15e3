package org.caredesk.app;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.db.FolderStart;
import org.caredesk.db.InstanceLock;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.Community;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.FxDialogService;
import org.caredesk.ui.MainWindow;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.users.Authenticator;
import org.caredesk.users.ui.ChangePasswordView;
import org.caredesk.users.ui.LoginView;
import org.caredesk.users.ui.LoginViewModel;

/**
 * What the window shows from start to the main window, in one stage: the splash while the folder's state is read
 * (off the FX thread), then the setup, the login or the sentence about a missing key file; after login a forced
 * password change if the administrator set the password, the community choice if there is none yet, and the main
 * window built for the session's roles. Logging out comes back to the login.
 */
public final class StartFlow {
    private final Stage stage;
    private final Path dataDir;
    private final Login login;
    private final TaskRunner tasks;
    private AppContext ctx;
    private volatile AppContext opened;
    private AppSettings settings = AppSettings.DEFAULTS;
    private MainWindow main;
    private IdleLock idleLock;
    private boolean mainShown;
    /** What the start did to a restore a crash interrupted, said above the login; null when nothing. */
    private volatile String startNotice;
    /** A damaged database found at login, with the file key to restore it; null otherwise. */
    private DamagedDatabaseException damaged;

    /** What the task after login hands to the FX thread. */
    private record Loaded(AppSettings settings, Optional<Community> community) {}

    public StartFlow(Stage stage, Path dataDir, Login login, TaskRunner tasks) {
        this.stage = stage;
        this.dataDir = dataDir;
        this.login = login;
        this.tasks = tasks;
    }

    /** The open data folder after login; null before. */
    private volatile InstanceLock lock;

    public AppContext context() {
        return ctx;
    }

    public void start() {
        stage.setTitle(I18n.get("app.title"));
        Label message = new Label(I18n.get("splash.opening"));
        message.setId("splash-message");
        message.setWrapText(true);
        message.setMaxWidth(380);
        VBox splash = new VBox(16, new ProgressIndicator(), message);
        splash.setAlignment(Pos.CENTER);
        splash.setPrefSize(440, 220);
        show(splash);
        stage.show();
        tasks.run(p -> {
            // One program per data folder: a second start asks this one to come to the front and says so.
            if (lock == null) {
                lock = InstanceLock.forWindow(dataDir, () -> Platform.runLater(this::bringToFront));
            }
            startNotice = switch (FolderStart.prepare(dataDir)) {
                case FINISHED -> I18n.get("restore.interrupted.finished");
                case UNDONE -> I18n.get("restore.interrupted.undone");
                case NONE -> null;
            };
            return login.state(dataDir);
        }, state -> {
            switch (state) {
                case NEW, UNENCRYPTED -> show(new SetupView(dataDir, state, login, tasks,
                        c -> loggedIn(c, false), new FxDialogService(() -> stage), this::showLogin).root());
                case READY -> showLogin(startNotice);
                case KEY_RING_MISSING -> {
                    message.setText(I18n.get("keyring.error.missing",
                            DataFolderKeys.keyRingFile(dataDir).toString()));
                    splash.getChildren().remove(0);
                }
                default -> throw new IllegalStateException(state.name());
            }
        }, error -> {
            message.setText(ErrorMessages.of(error));
            splash.getChildren().remove(0);
        });
    }

    private void showLogin() {
        showLogin(null);
    }

    /** @param notice a sentence above the form (after a restore), or null */
    private void showLogin(String notice) {
        Authenticator authenticator = (user, password) -> {
            Login.Opened o = login.open(dataDir, user, password);
            opened = o.ctx();
            return o.login();
        };
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(LoginView.class, c -> new LoginView(new LoginViewModel(authenticator, tasks)));
        ViewLoader.Loaded<LoginView> view = new ViewLoader(controllers).load(LoginView.class);
        view.controller().setOnLoggedIn(result -> loggedIn(opened, result.mustChangePassword()));
        view.controller().setOnRefused(e -> {
            if (e instanceof DamagedDatabaseException d) {
                showDamaged(d);
            }
        });
        if (notice != null) {
            view.controller().showNotice(notice);
        }
        show(view.root());
    }

    /**
     * The database failed the integrity check at login: it was not opened, migrated or backed up. The screen offers
     * the newest usable backup, or quitting.
     */
    private void showDamaged(DamagedDatabaseException d) {
        closeDamaged();
        damaged = d;
        show(new DamagedDatabaseView(d, login, tasks, notice -> {
            closeDamaged();
            showLogin(notice);
        }, () -> {
            closeDamaged();
            Platform.exit();
        }).root());
    }

    private void closeDamaged() {
        if (damaged != null) {
            damaged.close();
            damaged = null;
        }
    }

    private void bringToFront() {
        stage.setIconified(false);
        stage.show();
        stage.toFront();
    }

    /** The automatic backup at the first start of each day; a failure is said, never fatal. */
    private void dailyBackup(AppContext context) {
        tasks.run(p -> BackupsModule.service(context).backupIfFirstStartToday(), result -> result.ifPresent(r -> r
                        .warnings().forEach(w -> new FxDialogService(() -> stage).error(I18n.get("app.title"), w))),
                error -> new FxDialogService(() -> stage).error(I18n.get("app.title"), ErrorMessages.of(error)));
    }

    /**
     * The audit chain, checked after login for those who can act on a broken one (the auditor, the administrator
     * who restores backups): a problem shows as a banner naming the entry. Nobody is stopped by it.
     */
    private void checkAuditChain(AppContext context, MainWindow window) {
        Session session = UsersModule.session(context);
        if (!session.has(Permission.AUDIT_READ) && !session.has(Permission.RESTORE)) {
            return;
        }
        tasks.run(p -> context.audit().checkChain(), check -> {
            if (!check.intact() && main == window) {
                window.showWarning("audit-warning", I18n.get("audit.startWarning", check.sentence()));
            }
        }, error -> { });
    }

    private void loggedIn(AppContext context, boolean mustChangePassword) {
        ctx = context;
        opened = null;
        dailyBackup(context);
        tasks.run(p -> new Loaded(ctx.settings().load(), ctx.settings().community()), loaded -> {
            applySettings(loaded.settings());
            if (mustChangePassword) {
                AppShell shell = new AppShell(ctx, tasks, new FxDialogService(() -> stage), s -> { });
                ChangePasswordView change = shell.loader().load(ChangePasswordView.class).controller();
                change.show(stage, true, () -> afterLogin(loaded.community()), this::logout);
            } else {
                afterLogin(loaded.community());
            }
        }, error -> {
            new FxDialogService(() -> stage).error(I18n.get("app.title"), ErrorMessages.of(error));
            logout();
        });
    }

    private void afterLogin(Optional<Community> community) {
        if (community.isPresent()) {
            showMain(community.get());
        } else {
            show(new FirstStartView(ctx, tasks, this::showMain).root());
        }
    }

    private void applySettings(AppSettings s) {
        settings = s;
        I18n.setLocale(s.language() == AppSettings.Language.ENGLISH ? I18n.ENGLISH : I18n.CHINESE);
        // Date pickers and number formats follow the JVM default, so it follows the chosen language too.
        java.util.Locale.setDefault(I18n.locale());
    }

    private void show(Parent root) {
        AppShell.style(root, settings);
        stage.setScene(new Scene(root));
        stage.setTitle(I18n.get("app.title"));
        stage.setMaximized(false);
        // The main window's minimum size would otherwise stretch the small login and setup screens.
        stage.setMinWidth(0);
        stage.setMinHeight(0);
        stage.sizeToScene();
        stage.centerOnScreen();
        mainShown = false;
    }

    private void showMain(Community community) {
        FxDialogService dialogs = new FxDialogService(() -> stage);
        AppShell shell = new AppShell(ctx, tasks, dialogs, saved -> {
            // Language and font size apply on the spot: rebuild the shell in the new language, stay on settings.
            applySettings(saved);
            showMain(community);
            main.select("settings");
        });
        shell.onDatabaseReplaced(this::databaseReplaced);
        main = shell.build(community);
        if (!mainShown) {
            checkAuditChain(ctx, main);
        }
        stopIdleLock();
        UserIdentity who = UsersModule.session(ctx).identity();
        main.showUser(I18n.get("status.user", who.displayName(), who.userName()), I18n.get("status.logout"),
                this::logout);
        AppShell.style(main.root(), settings);
        StackPane frame = new StackPane(main.root());
        AppShell.style(frame, settings);
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // Leave room for the title bar and taskbar; on a 1366x768 office screen the window starts maximised.
        Scene scene = new Scene(frame, Math.min(1280, screen.getWidth() - 16),
                Math.min(800, screen.getHeight() - 40));
        stage.setScene(scene);
        idleLock = new IdleLock(stage, frame, main.root(), ctx, tasks, this::logout);
        idleLock.start();
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

    /** Locks the window now if the session has been idle for its timeout (the timer calls this too). */
    public boolean checkIdle() {
        return idleLock != null && idleLock.checkIdle();
    }

    private void stopIdleLock() {
        if (idleLock != null) {
            idleLock.stop();
            idleLock = null;
        }
    }

    /** Ends the session on screen (idle lock, its windows, the main window); gives the context still to close. */
    private AppContext endSession() {
        stopIdleLock();
        closeOwnedWindows();
        AppContext closing = ctx;
        ctx = null;
        main = null;
        return closing;
    }

    /** Records the logout, closes the data folder (wiping its key) and shows the login again. */
    public void logout() {
        AppContext closing = endSession();
        if (closing == null) {
            showLogin();
            return;
        }
        tasks.run(p -> {
            try {
                Login.logout(closing);
            } finally {
                closing.close();
            }
            return Boolean.TRUE;
        }, done -> showLogin(), error -> {
            new FxDialogService(() -> stage).error(I18n.get("app.title"), ErrorMessages.of(error));
            showLogin();
        });
    }

    /**
     * A restore closed the database under the session (and replaced it, unless it failed): the session ends without
     * writing anything more, and the login follows with the sentence that says what happened.
     */
    private void databaseReplaced(String sentence) {
        AppContext closing = endSession();
        if (closing == null) {
            showLogin(sentence);
            return;
        }
        tasks.run(p -> {
            closing.close();
            return Boolean.TRUE;
        }, done -> showLogin(sentence), error -> showLogin(sentence));
    }

    /** The forms and dialogs of the session that ends: they must not outlive its data folder. */
    private void closeOwnedWindows() {
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w instanceof Stage s && ownedByStage(s)) {
                s.close();
            }
        }
    }

    private boolean ownedByStage(Stage s) {
        for (Window owner = s.getOwner(); owner != null;
                owner = owner instanceof Stage o ? o.getOwner() : null) {
            if (owner == stage) {
                return true;
            }
        }
        return false;
    }

    /** The program is closing: the session ends like a logout, without showing anything. */
    public void close() {
        stopIdleLock();
        closeDamaged();
        AppContext closing = ctx;
        ctx = null;
        try {
            if (closing != null) {
                try {
                    Login.logout(closing);
                } finally {
                    closing.close();
                }
            }
        } finally {
            if (lock != null) {
                lock.close();
                lock = null;
            }
        }
    }
}
