package org.caredesk.app;

import java.util.ArrayList;
import java.util.List;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.collections.ListChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.input.InputEvent;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseEvent;
import javafx.scene.input.ScrollEvent;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.common.I18n;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.users.Authenticator;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.ui.LoginView;
import org.caredesk.users.ui.LoginViewModel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Locks the main window after the session's idle timeout: the window's content is hidden under the login, every
 * window it owns (a form being filled in) is hidden, not closed, so nothing typed is lost; the same user's password
 * opens it all again. Input in any of the program's windows counts as activity.
 */
final class IdleLock {
    private static final Logger LOG = LoggerFactory.getLogger(IdleLock.class);
    /** How often the idle time is looked at; the lock may come this much after the timeout. */
    static final Duration CHECK_EVERY = Duration.seconds(15);

    private final Stage stage;
    private final StackPane frame;
    private final Node content;
    private final AppContext ctx;
    private final TaskRunner tasks;
    private final Runnable onLogout;
    private final Session session;
    private final Timeline timer;
    private final EventHandler<InputEvent> touch;
    private final ListChangeListener<Window> windowsWatcher;
    private final List<Window> hidden = new ArrayList<>();
    private Node cover;

    /**
     * @param frame    the main scene's root, holding {@code content}; the login is laid over it
     * @param onLogout a different person wants the computer: log out instead
     */
    IdleLock(Stage stage, StackPane frame, Node content, AppContext ctx, TaskRunner tasks, Runnable onLogout) {
        this.stage = stage;
        this.frame = frame;
        this.content = content;
        this.ctx = ctx;
        this.tasks = tasks;
        this.onLogout = onLogout;
        this.session = UsersModule.session(ctx);
        this.touch = e -> {
            // Key presses, clicks and scrolling; a mouse passing over the window is not someone working.
            boolean work = e.getEventType() == KeyEvent.KEY_PRESSED || e.getEventType() == MouseEvent.MOUSE_PRESSED
                    || e.getEventType() == ScrollEvent.SCROLL;
            if (work && cover == null) {
                session.touch(ctx.clock().instant());
            }
        };
        this.timer = new Timeline(new KeyFrame(CHECK_EVERY, e -> checkIdle()));
        timer.setCycleCount(Timeline.INDEFINITE);
        this.windowsWatcher = change -> {
            while (change.next()) {
                change.getAddedSubList().forEach(this::watch);
            }
        };
    }

    void start() {
        Window.getWindows().forEach(this::watch);
        Window.getWindows().addListener(windowsWatcher);
        timer.play();
    }

    void stop() {
        timer.stop();
        Window.getWindows().removeListener(windowsWatcher);
        for (Window w : Window.getWindows()) {
            Scene s = w.getScene();
            if (s != null) {
                s.removeEventFilter(InputEvent.ANY, touch);
            }
        }
    }

    boolean isLocked() {
        return cover != null;
    }

    /**
     * Locks if the session has been idle for its timeout.
     *
     * @return whether it is locked now
     */
    boolean checkIdle() {
        if (cover == null && session.isIdle(ctx.clock().instant())) {
            lock();
        }
        return isLocked();
    }

    private void watch(Window w) {
        Scene s = w.getScene();
        if (s != null) {
            s.removeEventFilter(InputEvent.ANY, touch);
            s.addEventFilter(InputEvent.ANY, touch);
        }
    }

    private void lock() {
        UserIdentity who = session.identity();
        for (Window w : new ArrayList<>(Window.getWindows())) {
            if (w != stage && w.isShowing() && ownedByMain(w)) {
                hidden.add(w);
                w.hide();
            }
        }
        content.setVisible(false);
        ViewLoader.Loaded<LoginView> login = loginView();
        login.controller().askAgainFor(who.userName());
        login.controller().setOnLoggedIn(result -> unlock());
        Label why = new Label(I18n.get("lock.intro", who.displayName()));
        why.setId("lock-intro");
        why.setWrapText(true);
        why.getStyleClass().add("hint");
        Hyperlink logout = new Hyperlink(I18n.get("lock.logout"));
        logout.setId("lock-logout");
        logout.setOnAction(e -> {
            // The hidden windows go with the session.
            hidden.clear();
            onLogout.run();
        });
        VBox box = new VBox(8, why, login.root(), logout);
        box.setId("lock-cover");
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(24));
        box.setMaxSize(480, 420);
        box.getStyleClass().add("page");
        cover = box;
        frame.getChildren().add(box);
        String name = who.userName();
        tasks.run(p -> ctx.audit().record(AuditEvent.success(name, AuditAction.SESSION_LOCKED,
                AuditObjectType.USER, who.id().toString(), name, null)), e -> { },
                e -> LOG.warn("Could not record the session lock", e));
        LOG.info("Session of {} locked after {} idle", name, session.idleTimeout());
    }

    private void unlock() {
        frame.getChildren().remove(cover);
        cover = null;
        content.setVisible(true);
        for (Window w : hidden) {
            if (w instanceof Stage s) {
                s.show();
            }
        }
        hidden.clear();
        UserIdentity who = session.identity();
        String name = who.userName();
        tasks.run(p -> ctx.audit().record(AuditEvent.success(name, AuditAction.LOGIN, AuditObjectType.USER,
                who.id().toString(), name, null)), e -> { }, e -> LOG.warn("Could not record the login", e));
    }

    /** The login of the open database's accounts, recording refused attempts in the audit log. */
    private ViewLoader.Loaded<LoginView> loginView() {
        Authenticator accounts = UsersModule.authenticator(ctx);
        Authenticator recorded = (user, password) -> {
            try {
                return accounts.login(user, password);
            } catch (LoginRefusedException e) {
                ctx.audit().record(new AuditEvent(user, AuditAction.LOGIN_FAILED, AuditObjectType.USER, null, user,
                        AuditDetail.text(e.reason().name()), AuditOutcome.FAILURE));
                throw e;
            }
        };
        ControllerFactory controllers = new ControllerFactory();
        controllers.register(LoginView.class, c -> new LoginView(new LoginViewModel(recorded, tasks)));
        return new ViewLoader(controllers).load(LoginView.class);
    }

    private boolean ownedByMain(Window w) {
        Window owner = w instanceof Stage s ? s.getOwner() : null;
        while (owner != null) {
            if (owner == stage) {
                return true;
            }
            owner = owner instanceof Stage s ? s.getOwner() : null;
        }
        return false;
    }
}
