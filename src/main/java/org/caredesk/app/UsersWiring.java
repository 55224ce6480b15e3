package org.caredesk.app;

import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Session;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.users.Authenticator;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.data.UserRepository;
import org.caredesk.users.service.SecuritySettingsService;
import org.caredesk.users.service.UserAuthenticator;
import org.caredesk.users.service.UserService;
import org.caredesk.users.ui.ChangePasswordView;
import org.caredesk.users.ui.ChangePasswordViewModel;
import org.caredesk.users.ui.LoginView;
import org.caredesk.users.ui.LoginViewModel;
import org.caredesk.users.ui.UsersView;
import org.caredesk.users.ui.UsersViewModel;

/**
 * How accounts, the session and their views are built. The services are singletons of the {@link AppContext}; a
 * test (or the program, for the key ring) can put its own in first with {@code ctx.get(Type.class, ...)}.
 */
public final class UsersWiring {
    private UsersWiring() {}

    /** The one session of this program instance, with the idle timeout of the settings. */
    public static Session session(AppContext ctx) {
        return ctx.get(Session.class, c -> {
            Session s = c.session();
            s.setIdleTimeout(securitySettings(c).load().idleTimeout());
            return s;
        });
    }

    public static SecuritySettingsService securitySettings(AppContext ctx) {
        return ctx.get(SecuritySettingsService.class,
                c -> new SecuritySettingsService(c.database().dsl(), new SettingsRepository(c.database().dsl()),
                        c.audit(), c.actor()));
    }

    /** The accounts, hashing at the production work factor. */
    public static UserService users(AppContext ctx) {
        return ctx.get(UserService.class, c -> new UserService(c.database().dsl(), new UserRepository(),
                PasswordHasher.standard(), securitySettings(c)::load, c.clock(), PasswordListener.NONE));
    }

    /** Logs in against the accounts of the open database and starts {@link #session}. */
    public static Authenticator authenticator(AppContext ctx) {
        return ctx.get(Authenticator.class, c -> new UserAuthenticator(users(c), session(c), c.clock()));
    }

    public static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks,
            DialogService dialogs, ViewLoader loader) {
        controllers.register(UsersView.class, c -> new UsersView(
                new UsersViewModel(users(ctx), session(ctx), tasks, ctx.clock()), dialogs, loader));
        controllers.register(ChangePasswordView.class, c -> new ChangePasswordView(
                new ChangePasswordViewModel(users(ctx), session(ctx), tasks)));
        controllers.register(LoginView.class, c -> new LoginView(new LoginViewModel(authenticator(ctx), tasks)));
    }

    public static ViewLoader.Loaded<UsersView> mainView(ViewLoader loader) {
        return loader.load(UsersView.class);
    }
}
