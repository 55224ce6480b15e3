package org.caredesk.users.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.caredesk.common.I18n;
import org.caredesk.common.Ids;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.security.Permission;
import org.caredesk.security.PermissionMatrix;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.LoginResult;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.SecuritySettings;
import org.caredesk.users.User;
import org.caredesk.users.data.UserRepository;
import org.jooq.DSLContext;

/**
 * Staff accounts: the first administrator, adding users, their roles and passwords, deactivation, and the login
 * check with its lockout. Every management call needs {@link Permission#USERS_MANAGE} in the caller's session.
 *
 * <p>Passwords are hashed outside the transactions where possible (each hash costs about half a second at the
 * production work factor). The caller owns the password arrays passed in and should wipe them afterwards.
 */
public final class UserService {
    public static final String USER_NAME = "userName";
    public static final String DISPLAY_NAME = "displayName";
    /** The new password: a new account's first one, a reset, or a user's own change. */
    public static final String PASSWORD = "password";
    public static final String OLD_PASSWORD = "oldPassword";
    public static final int MAX_USER_NAME = 40;
    public static final int MAX_DISPLAY_NAME = 60;

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final DSLContext dsl;
    private final UserRepository users;
    private final PasswordHasher hasher;
    private final Supplier<SecuritySettings> settings;
    private final Clock clock;
    private final PasswordListener listener;

    /**
     * @param settings read at every login, so a changed setting applies to the next attempt
     * @param listener told of new passwords and deactivations inside their transactions
     */
    public UserService(DSLContext dsl, UserRepository users, PasswordHasher hasher,
            Supplier<SecuritySettings> settings, Clock clock, PasswordListener listener) {
        this.dsl = dsl;
        this.users = users;
        this.hasher = hasher;
        this.settings = settings;
        this.clock = clock;
        this.listener = listener;
    }

    /** Whether any account exists: without one, the program asks for the first administrator. */
    public boolean hasUsers() {
        return users.count(dsl) > 0;
    }

    /**
     * Creates the administrator of a new data folder. Refused once any account exists, so this can never be used
     * to add a second administrator behind the others' backs.
     */
    public UserIdentity createFirstAdministrator(String userName, String displayName, char[] password) {
        Input in = check(userName, displayName, EnumSet.of(Role.DIRECTOR), password);
        if (hasUsers()) {
            throw new UserException("error.users.notFirst");
        }
        PasswordHasher.Hash hash = hasher.hash(password);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (users.count(tx) > 0) {
                throw new UserException("error.users.notFirst");
            }
            User u = newUser(in, false);
            users.insert(tx, u, hash);
            listener.passwordSet(u.identity(), password);
            return u.identity();
        });
    }

    /**
     * Adds an account with the password an administrator chose for it; the user is asked to choose their own at
     * the first login.
     */
    public User addUser(Session by, String userName, String displayName, Set<Role> roles, char[] initialPassword) {
        return addUser(by, userName, displayName, roles, initialPassword, true);
    }

    /**
     * As {@link #addUser(Session, String, String, Set, char[])}; {@code mustChangePassword} false only for the demo's
     * accounts, whose shared password is printed for everyone trying the program.
     */
    public User addUser(Session by, String userName, String displayName, Set<Role> roles, char[] initialPassword,
            boolean mustChangePassword) {
        by.require(Permission.USERS_MANAGE);
        Input in = check(userName, displayName, roles, initialPassword);
        PasswordHasher.Hash hash = hasher.hash(initialPassword);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            if (users.findByName(tx, in.userName()).isPresent()) {
                throw new ValidationException(List.of(Problem.error(USER_NAME, "problem.userName.taken",
                        in.userName())));
            }
            User u = newUser(in, mustChangePassword);
            users.insert(tx, u, hash);
            listener.passwordSet(u.identity(), initialPassword);
            return u;
        });
    }

    /** Every account with its roles, active ones first. */
    public List<User> list(Session by) {
        by.require(Permission.USERS_MANAGE);
        return users.list(dsl);
    }

    /**
     * Gives an account a new set of roles. Refused when it would leave no active account that can manage users;
     * a caller who changes their own roles gets the new ones in their session at once.
     */
    public User changeRoles(Session by, UUID userId, Set<Role> roles) {
        UserIdentity actor = by.require(Permission.USERS_MANAGE);
        List<Problem> problems = PermissionMatrix.check(roles);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        Set<Role> chosen = EnumSet.copyOf(roles);
        User updated = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, userId);
            if (u.active() && isManager(u.roles()) && !isManager(chosen)) {
                requireAnotherManager(tx);
            }
            users.setRoles(tx, userId, chosen, now());
            return existing(tx, userId);
        });
        if (updated.id().equals(actor.id())) {
            by.refresh(updated.identity());
        }
        return updated;
    }

    /** The logged-in user replaces their own password, proving they know the current one. */
    public void changeOwnPassword(Session me, char[] oldPassword, char[] newPassword) {
        UserIdentity self = me.identity();
        List<Problem> problems = new ArrayList<>(PasswordPolicy.check(PASSWORD, newPassword));
        if (oldPassword != null && newPassword != null && Arrays.equals(oldPassword, newPassword)) {
            problems.add(Problem.error(PASSWORD, "problem.password.sameAsOld"));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        UserRepository.WithHash stored = dsl.transactionResult(cfg -> users.findForUpdate(cfg.dsl(), self.id()))
                .orElseThrow(() -> new UserException("error.users.notFound"));
        if (oldPassword == null || oldPassword.length == 0 || !hasher.matches(oldPassword, stored.hash())) {
            throw new ValidationException(List.of(Problem.error(OLD_PASSWORD, "problem.password.oldWrong")));
        }
        PasswordHasher.Hash hash = hasher.hash(newPassword);
        dsl.transaction(cfg -> {
            users.setPassword(cfg.dsl(), self.id(), hash, false, now());
            listener.passwordSet(self, newPassword);
        });
    }

    /**
     * An administrator sets a new password for someone who forgot theirs; it also ends a lock. The user must
     * choose their own at the next login, so the administrator does not keep knowing it.
     */
    public User resetPassword(Session admin, UUID userId, char[] newPassword) {
        admin.require(Permission.USERS_MANAGE);
        List<Problem> problems = PasswordPolicy.check(PASSWORD, newPassword);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        PasswordHasher.Hash hash = hasher.hash(newPassword);
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, userId);
            users.setPassword(tx, userId, hash, true, now());
            listener.passwordSet(u.identity(), newPassword);
            return existing(tx, userId);
        });
    }

    /**
     * Stops an account from logging in; its name stays in the records it made. Nobody deactivates themselves, and
     * the last active account that can manage users stays.
     */
    public User deactivate(Session by, UUID userId) {
        UserIdentity actor = by.require(Permission.USERS_MANAGE);
        if (actor.id().equals(userId)) {
            throw new UserException("error.users.deactivateSelf");
        }
        return dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            User u = existing(tx, userId);
            if (!u.active()) {
                return u;
            }
            if (isManager(u.roles())) {
                requireAnotherManager(tx);
            }
            users.setActive(tx, userId, false, now());
            listener.deactivated(u.identity());
            return existing(tx, userId);
        });
    }

    /**
     * Checks a login at {@code now}. After {@link SecuritySettings#maxFailedLogins()} wrong passwords in a row the
     * account is locked for {@link SecuritySettings#lockDuration()}; while locked, even the right password is
     * refused. A success clears the count.
     *
     * @throws LoginRefusedException with the sentence to show
     */
    public LoginResult authenticate(String userName, char[] password, LocalDateTime now) {
        SecuritySettings rules = settings.get();
        String name = normaliseUserName(userName);
        if (name == null || password == null || password.length == 0) {
            throw LoginRefusedException.wrongNameOrPassword();
        }
        Outcome outcome = dsl.transactionResult(cfg -> {
            DSLContext tx = cfg.dsl();
            Optional<UserRepository.WithHash> found = users.findForLogin(tx, name);
            if (found.isEmpty()) {
                hasher.waste(password);
                return Outcome.refused(LoginRefusedException.wrongNameOrPassword());
            }
            User u = found.get().user();
            if (u.isLocked(now)) {
                return Outcome.refused(locked(u.lockedUntil(), now, rules));
            }
            if (!hasher.matches(password, found.get().hash())) {
                int failures = u.failedLogins() + 1;
                if (failures >= rules.maxFailedLogins()) {
                    // The count starts again once the lock is over.
                    LocalDateTime until = now.plus(rules.lockDuration());
                    users.setFailures(tx, u.id(), 0, until);
                    return Outcome.refused(locked(until, now, rules));
                }
                users.setFailures(tx, u.id(), failures, null);
                return Outcome.refused(LoginRefusedException.wrongNameOrPassword());
            }
            if (!u.active()) {
                return Outcome.refused(LoginRefusedException.inactive());
            }
            if (u.failedLogins() != 0 || u.lockedUntil() != null) {
                users.setFailures(tx, u.id(), 0, null);
            }
            if (hasher.isOutdated(found.get().hash())) {
                users.replaceHash(tx, u.id(), hasher.hash(password));
            }
            return Outcome.accepted(new LoginResult(u.identity(), u.mustChangePassword()));
        });
        // Thrown only now: thrown inside, it would roll back the count of failures it is reporting.
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        return outcome.result();
    }

    private record Outcome(LoginResult result, LoginRefusedException refused) {
        static Outcome accepted(LoginResult r) {
            return new Outcome(r, null);
        }

        static Outcome refused(LoginRefusedException e) {
            return new Outcome(null, e);
        }
    }

    private static LoginRefusedException locked(LocalDateTime until, LocalDateTime now, SecuritySettings rules) {
        // Rounded up: "locked until 14:36" must not open at 14:35:40 and leave the user wondering.
        LocalDateTime shown = until.truncatedTo(ChronoUnit.MINUTES);
        if (shown.isBefore(until)) {
            shown = shown.plusMinutes(1);
        }
        String text = shown.toLocalDate().equals(now.toLocalDate()) ? TIME.format(shown) : DATE_TIME.format(shown);
        return LoginRefusedException.locked(until, text, rules.maxFailedLogins());
    }

    /**
     * The stored form of a user name: trimmed, half-width and lower-case, so the same person cannot end up with
     * "ZhangSan" and "zhangsan". Null when blank.
     */
    public static String normaliseUserName(String userName) {
        String clean = Text.clean(Text.halfWidth(userName));
        return clean == null ? null : clean.toLowerCase(Locale.ROOT);
    }

    /** The checked input of a new account. */
    private record Input(String userName, String displayName, Set<Role> roles) {}

    private static Input check(String userName, String displayName, Set<Role> roles, char[] password) {
        List<Problem> problems = new ArrayList<>();
        String name = normaliseUserName(userName);
        problems.addAll(checkUserName(userName));
        String display = Text.clean(displayName);
        problems.addAll(checkDisplayName(displayName));
        Set<Role> chosen = roles == null ? Set.of() : roles;
        problems.addAll(PermissionMatrix.check(chosen));
        problems.addAll(PasswordPolicy.check(PASSWORD, password));
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return new Input(name, display, EnumSet.copyOf(chosen));
    }

    /** The problems of a user name (blank, too long, characters that are not allowed); empty when it will do. */
    public static List<Problem> checkUserName(String userName) {
        String name = normaliseUserName(userName);
        if (name == null) {
            return List.of(Problem.error(USER_NAME, "problem.required", new I18n.Key("field.userName")));
        } else if (name.length() > MAX_USER_NAME) {
            return List.of(Problem.error(USER_NAME, "problem.tooLong", new I18n.Key("field.userName"),
                    String.valueOf(MAX_USER_NAME)));
        } else if (!name.codePoints().allMatch(UserService::allowedInUserName)) {
            return List.of(Problem.error(USER_NAME, "problem.userName.characters"));
        }
        return List.of();
    }

    /** The problems of a display name (blank or too long); empty when it will do. */
    public static List<Problem> checkDisplayName(String displayName) {
        String display = Text.clean(displayName);
        if (display == null) {
            return List.of(Problem.error(DISPLAY_NAME, "problem.required", new I18n.Key("field.displayName")));
        } else if (display.length() > MAX_DISPLAY_NAME) {
            return List.of(Problem.error(DISPLAY_NAME, "problem.tooLong", new I18n.Key("field.displayName"),
                    String.valueOf(MAX_DISPLAY_NAME)));
        }
        return List.of();
    }

    private static boolean allowedInUserName(int c) {
        return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '@';
    }

    private User newUser(Input in, boolean mustChangePassword) {
        LocalDateTime now = now();
        return new User(Ids.newId(), in.userName(), in.displayName(), in.roles(), true, mustChangePassword, 0, null,
                now, now);
    }

    private User existing(DSLContext tx, UUID id) {
        return users.find(tx, id).orElseThrow(() -> new UserException("error.users.notFound"));
    }

    private static boolean isManager(Set<Role> roles) {
        return PermissionMatrix.allows(roles, Permission.USERS_MANAGE);
    }

    private void requireAnotherManager(DSLContext tx) {
        if (users.countActiveWithAnyRole(tx, PermissionMatrix.rolesWith(Permission.USERS_MANAGE)) <= 1) {
            throw new UserException("error.users.lastManager",
                    new I18n.Key("permission." + Permission.USERS_MANAGE.name()));
        }
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock);
    }
}
