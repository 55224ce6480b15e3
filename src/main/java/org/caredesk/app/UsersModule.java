package org.caredesk.app;

import java.util.List;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.ui.NavEntry;
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
 * Accounts, the security rules and the session's idle timeout, and their views. The password hasher and what
 * follows a password change are services of their own, so the login (the key ring's listener) and tests (a fast
 * hasher) override them and the accounts' recipe stays here alone.
 */
public final class UsersModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(PasswordHasher.class, PasswordHasher::standard);
        ctx.provide(PasswordListener.class, () -> PasswordListener.NONE);
        ctx.provide(SecuritySettingsService.class, () -> new SecuritySettingsService(ctx.database().dsl(),
                new SettingsRepository(ctx.database().dsl()), ctx.audit(), ctx.actor()));
        ctx.provide(UserService.class, () -> new UserService(ctx.database().dsl(), new UserRepository(),
                ctx.service(PasswordHasher.class), securitySettings(ctx)::load, ctx.clock(),
                ctx.service(PasswordListener.class)));
        ctx.provide(Authenticator.class, () -> new UserAuthenticator(users(ctx), ctx.session(), ctx.clock()));
    }

    /** The session locks after the idle time of the settings. */
    @Override
    public void start(AppContext ctx) {
        ctx.session().setIdleTimeout(securitySettings(ctx).load().idleTimeout());
    }

    /** The one session of this program instance, with the idle timeout of the settings. */
    public static Session session(AppContext ctx) {
        return ctx.session();
    }

    public static SecuritySettingsService securitySettings(AppContext ctx) {
        return ctx.service(SecuritySettingsService.class);
    }

    /** The accounts. */
    public static UserService users(AppContext ctx) {
        return ctx.service(UserService.class);
    }

    /** Logs in against the accounts of the open database and starts {@link #session}. */
    public static Authenticator authenticator(AppContext ctx) {
        return ctx.service(Authenticator.class);
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        s.controllers().register(UsersView.class, c -> new UsersView(
                new UsersViewModel(users(ctx), ctx.session(), s.tasks(), ctx.clock()), s.dialogs(), s.loader()));
        s.controllers().register(ChangePasswordView.class, c -> new ChangePasswordView(
                new ChangePasswordViewModel(users(ctx), ctx.session(), s.tasks())));
        s.controllers().register(LoginView.class, c -> new LoginView(
                new LoginViewModel(authenticator(ctx), s.tasks())));
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.USERS_MANAGE)) {
            entries.add(new NavEntry("users", "nav.users", () -> s.loader().load(UsersView.class)));
        }
    }
}
