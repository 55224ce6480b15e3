package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.backups.service.BackupsService;
import org.caredesk.common.Problem;
import org.caredesk.common.Progress;
import org.caredesk.common.UserException;
import org.caredesk.common.ValidationException;
import org.caredesk.db.BackupResult;
import org.caredesk.db.BackupService;
import org.caredesk.db.BulkWriteGuard;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.db.IntegrityCheck;
import org.caredesk.db.IntegrityCheckResult;
import org.caredesk.db.RestoreReport;
import org.caredesk.db.RestoreResult;
import org.caredesk.security.DataFolderKeys;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.PasswordPolicy;
import org.caredesk.security.Pbkdf2;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.LoginRefusedException;
import org.caredesk.users.LoginResult;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.SecuritySettings;
import org.caredesk.users.service.UserService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a data folder is opened, the same for the window and the command line: set up a new (or not yet encrypted)
 * folder with its first administrator, or log in to a set-up one. Either way the result is an {@link AppContext}
 * on the encrypted database with a logged-in session, the file key held in a {@link SessionKey} for the key ring's
 * slots, and the login in the audit log. See docs/decisions/0010-login-and-setup.md.
 */
public final class Login {
    private static final Logger LOG = LoggerFactory.getLogger(Login.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** The demo's accounts besides the administrator, one per role, all with the administrator's password. */
    public static final List<DemoAccount> DEMO_ACCOUNTS = List.of(
            new DemoAccount("frontdesk", "前台（演示）", Role.FRONT_DESK),
            new DemoAccount("caseworker", "社工（演示）", Role.CASEWORKER),
            new DemoAccount("counsellor", "心理咨询师（演示）", Role.COUNSELLOR),
            new DemoAccount("coordinator", "志愿者管理（演示）", Role.VOLUNTEER_COORDINATOR),
            new DemoAccount("auditor", "审计员（演示）", Role.AUDITOR));
    /** The demo administrator's user name (the command line's {@code demo}). */
    public static final String DEMO_ADMIN = "admin";

    public record DemoAccount(String userName, String displayName, Role role) {}

    /**
     * What the first administrator starts: a community of this name, or the demo. For a folder from before
     * encryption the existing community stays and the choice is used only if it has none.
     */
    public record CommunityChoice(String name, boolean demo) {
        public static CommunityChoice named(String name) {
            return new CommunityChoice(name, false);
        }

        public static CommunityChoice demoCommunity() {
            return new CommunityChoice(null, true);
        }
    }

    /** A successful login: the opened folder and whether the user must first choose a new password. */
    public record Opened(AppContext ctx, LoginResult login) {}

    private final DataFolderKeys keys;
    private final PasswordHasher hasher;
    private final Clock clock;

    /** @param iterations PBKDF2 work factor for key ring slots and password hashes; tests pass a small one */
    public Login(int iterations, Clock clock) {
        this.keys = new DataFolderKeys(iterations);
        this.hasher = new PasswordHasher(iterations);
        this.clock = clock;
    }

    public static Login standard() {
        return new Login(Pbkdf2.ITERATIONS, Clock.systemDefaultZone());
    }

    /** The clock of the logins, for the first-start window's restore (its audit entry). */
    Clock clock() {
        return clock;
    }

    /** What the start-up should show for the folder. */
    public DataFolderKeys.State state(Path dataDir) {
        return keys.state(dataDir);
    }

    /**
     * Sets up a NEW or UNENCRYPTED folder: the key ring and encrypted database, the first administrator, the
     * community, and (for the demo) the demo accounts; the administrator is then logged in.
     *
     * @throws ValidationException for a bad user name, display name, password or community name, before anything
     *     is written
     */
    public AppContext setUp(Path dataDir, CommunityChoice choice, String adminUser, String displayName,
            char[] password) {
        DataFolderKeys.State state = keys.state(dataDir);
        if (state == DataFolderKeys.State.READY) {
            throw new UserException("keyring.error.alreadySetUp", DataFolderKeys.keyRingFile(dataDir).toString());
        }
        if (state == DataFolderKeys.State.KEY_RING_MISSING) {
            throw new UserException("keyring.error.missing", DataFolderKeys.keyRingFile(dataDir).toString());
        }
        List<Problem> problems = new ArrayList<>(UserService.checkUserName(adminUser));
        problems.addAll(UserService.checkDisplayName(displayName));
        problems.addAll(PasswordPolicy.check(UserService.PASSWORD, password));
        if (state == DataFolderKeys.State.NEW && choice != null && !choice.demo()
                && (choice.name() == null || choice.name().isBlank())) {
            problems.add(Problem.error("communityName", "problem.required",
                    new org.caredesk.common.I18n.Key("field.communityName")));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String admin = UserService.normaliseUserName(adminUser);
        SessionKey key = new SessionKey(keys.createNew(dataDir, admin, password));
        AppContext ctx = openWith(dataDir, key);
        try {
            UserService users = UsersModule.users(ctx);
            UserIdentity identity = users.createFirstAdministrator(admin, displayName, password);
            Session session = startSession(ctx, identity);
            if (choice != null && ctx.settings().community().isEmpty()) {
                if (choice.demo()) {
                    DemoCommunity.create(ctx);
                    for (DemoAccount a : DEMO_ACCOUNTS) {
                        if (!a.userName().equals(admin)) {
                            users.addUser(session, a.userName(), a.displayName(), EnumSet.of(a.role()), password,
                                    false);
                        }
                    }
                } else {
                    ctx.settings().createCommunity(choice.name(), false);
                }
            }
            LOG.info("Set up data folder {} with administrator {}", dataDir, admin);
            return ctx;
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /**
     * Logs in to a READY folder: unlocks the key ring with the password, opens the database, checks the account
     * (lock, deactivation), starts the session and records the login. Wrong passwords are counted before the
     * database opens ({@link LoginAttempts}): five lock the name for ten minutes, across restarts.
     *
     * @throws LoginRefusedException with the sentence to show; the same one for an unknown name and a wrong
     *     password
     */
    public Opened open(Path dataDir, String userName, char[] password) {
        String name = UserService.normaliseUserName(userName);
        if (name == null || password == null || password.length == 0) {
            throw LoginRefusedException.wrongNameOrPassword();
        }
        LoginAttempts attempts = attempts(dataDir);
        SessionKey key = unlock(dataDir, name, password, attempts);
        Optional<BackupResult> beforeMigration;
        try {
            beforeMigration = checkBeforeOpening(dataDir, name, key, attempts);
        } catch (DamagedDatabaseException e) {
            throw e;
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        AppContext ctx = openWith(dataDir, key);
        try {
            recoverInterruptedWrites(ctx);
            beforeMigration.ifPresent(b -> ctx.audit().record(AuditEvent.success(Actor.SYSTEM_NAME,
                    AuditAction.BACKUP, AuditObjectType.DATABASE, null, b.file().getFileName().toString(),
                    AuditDetail.message("backups.audit.beforeMigration", String.valueOf(Math.max(1,
                            b.bytes() / 1024))))));
            UserService users = UsersModule.users(ctx);
            if (!users.hasUsers()) {
                // The key ring was made but the setup stopped before the account: finish it with this login.
                users.createFirstAdministrator(name, name, password);
            }
            LoginResult result;
            try {
                result = users.authenticate(name, password, LocalDateTime.now(clock));
            } catch (LoginRefusedException e) {
                ctx.audit().record(new AuditEvent(name, AuditAction.LOGIN_FAILED, AuditObjectType.USER, null, name,
                        AuditDetail.text(e.reason().name()), AuditOutcome.FAILURE));
                throw e;
            }
            attempts.succeeded(name);
            recordEarlierFailures(ctx, attempts);
            startSession(ctx, result.identity());
            return new Opened(ctx, result);
        } catch (RuntimeException e) {
            ctx.close();
            throw e;
        }
    }

    /**
     * What runs between the password and the first write to the database: the integrity check, read-only, and,
     * when this program brings migrations the database has not had yet, a backup of the closed file. A damaged
     * database is neither migrated nor backed up nor opened: the exception carries the newest backup that passes
     * inspection (audit chain included) and the file key to restore it with.
     *
     * @return the backup made before the migrations, recorded once the database is open
     * @throws DamagedDatabaseException when the database failed the check; the file is exactly as it was
     */
    private Optional<BackupResult> checkBeforeOpening(Path dataDir, String name, SessionKey key,
            LoginAttempts attempts) {
        if (Database.fileState(dataDir) == Database.FileState.PLAIN && !IntegrityCheck.tooShort(dataDir)) {
            // A plain one the opening encrypts, checking it row by row first. A missing or emptied file next to
            // the key ring is checked (and found damaged) below, never replaced by a new empty database.
            return Optional.empty();
        }
        DatabaseFiles files = key.databaseFiles();
        IntegrityCheckResult integrity = new IntegrityCheck(files)
                .checkAtStart(dataDir, BackupsModule.restoreService(dataDir, files, clock));
        if (integrity.damaged()) {
            // The password was right: it must not count towards a lock.
            attempts.succeeded(name);
            throw new DamagedDatabaseException(dataDir, name, integrity, key);
        }
        return new BackupService(dataDir, files, clock).backupBeforeMigration();
    }

    /**
     * Takes back any bulk write (import, generate, demo) that the program did not finish, then forgets its marker:
     * the database passed the check, so the safety copy is not needed (docs/decisions/0017). The first write after
     * opening; the command line, the window and the crash test all come through here.
     */
    public static void recoverInterruptedWrites(AppContext ctx) {
        ctx.people().undoInterruptedWrites();
        BulkWriteGuard.clear(ctx.dataDir());
    }

    /**
     * Restores the backup offered for a damaged database (see {@link DamagedDatabaseException}); the damaged file
     * is kept in {@code replaced-…}. The user logs in afterwards as usual. Does not close the exception's key.
     */
    public RestoreResult restoreDamaged(DamagedDatabaseException damaged, Progress progress) {
        RestoreReport offer = damaged.result().offer()
                .orElseThrow(() -> new IllegalStateException("No usable backup was offered"));
        DatabaseFiles files = damaged.fileKey().databaseFiles();
        return BackupsService.restoreWithoutSession(BackupsModule.restoreService(damaged.dataDir(), files, clock),
                files, damaged.dataDir(), offer.file(), damaged.userName(), BackupsService.AFTER_DAMAGE, clock,
                progress);
    }

    /**
     * Only the file key, for the safety commands that must reach a database that may be too damaged to open:
     * the key ring's password check with the same lockout as {@link #open}. The accounts (and so the roles) are
     * inside the database, so no permission can be checked here.
     */
    public SessionKey unlock(Path dataDir, String userName, char[] password) {
        String name = UserService.normaliseUserName(userName);
        if (name == null || password == null || password.length == 0) {
            throw LoginRefusedException.wrongNameOrPassword();
        }
        LoginAttempts attempts = attempts(dataDir);
        SessionKey key = unlock(dataDir, name, password, attempts);
        attempts.succeeded(name);
        return key;
    }

    private static LoginAttempts attempts(Path dataDir) {
        SecuritySettings rules = SecuritySettings.DEFAULTS;
        return new LoginAttempts(dataDir, rules.maxFailedLogins(), rules.lockDuration());
    }

    private SessionKey unlock(Path dataDir, String name, char[] password, LoginAttempts attempts) {
        SecuritySettings rules = SecuritySettings.DEFAULTS;
        Instant now = clock.instant();
        var lockedUntil = attempts.lockedUntil(name, now);
        if (lockedUntil.isPresent()) {
            throw locked(lockedUntil.get(), rules);
        }
        try {
            return new SessionKey(keys.unlock(dataDir, name, password));
        } catch (UserException e) {
            if (!"keyring.error.wrongLogin".equals(e.key())) {
                throw e;
            }
            var locks = attempts.failed(name, now);
            throw locks.isPresent() ? locked(locks.get(), rules) : LoginRefusedException.wrongNameOrPassword();
        }
    }

    /** The file key of a context opened here; its database files for the backup code. */
    public static SessionKey sessionKey(AppContext ctx) {
        return ctx.sessionKey().orElseThrow(
                () -> new IllegalStateException("This data folder was not opened with a login"));
    }

    /** Ends the session: records the logout; the services refuse everything until the next login. */
    public static void logout(AppContext ctx) {
        Session session = UsersModule.session(ctx);
        session.current().ifPresent(u -> ctx.audit().record(AuditEvent.success(u.userName(), AuditAction.LOGOUT,
                AuditObjectType.USER, u.id().toString(), u.userName(), null)));
        session.logout();
        ctx.actAs(Actor.SYSTEM);
    }

    private AppContext openWith(Path dataDir, SessionKey key) {
        Database db;
        try {
            db = key.with(k -> keys.open(dataDir, k));
        } catch (RuntimeException e) {
            key.close();
            throw e;
        }
        // A changed password re-wraps the file key in the key ring; the accounts hash at this login's work factor.
        return AppContext.builder(dataDir, clock).sessionKey(key)
                .override(PasswordHasher.class, hasher)
                .override(PasswordListener.class, new KeyRingSync(keys.keyRing(dataDir), key))
                .open(db);
    }

    private Session startSession(AppContext ctx, UserIdentity identity) {
        Session session = UsersModule.session(ctx);
        session.login(identity, clock.instant());
        String name = identity.userName();
        ctx.actAs(() -> name);
        ctx.audit().record(AuditEvent.success(name, AuditAction.LOGIN, AuditObjectType.USER,
                identity.id().toString(), name, null));
        return session;
    }

    private void recordEarlierFailures(AppContext ctx, LoginAttempts attempts) {
        List<LoginAttempts.Event> pending = attempts.pending();
        if (pending.isEmpty()) {
            return;
        }
        List<AuditEvent> events = new ArrayList<>();
        for (LoginAttempts.Event e : pending) {
            String who = e.userName().isBlank() ? Actor.SYSTEM_NAME : e.userName();
            String at = LocalDateTime.ofInstant(e.at(), clock.getZone()).truncatedTo(ChronoUnit.SECONDS).toString();
            events.add(new AuditEvent(who, e.action(), AuditObjectType.USER, null, e.userName(),
                    AuditDetail.message("login.audit.attemptedAt", at), AuditOutcome.FAILURE));
        }
        ctx.database().dsl().transaction(cfg -> ctx.audit().appendAll(cfg.dsl(), events));
        attempts.written(pending.size());
    }

    private LoginRefusedException locked(Instant until, SecuritySettings rules) {
        LocalDateTime end = LocalDateTime.ofInstant(until, clock.getZone());
        LocalDateTime shown = end.truncatedTo(ChronoUnit.MINUTES);
        if (shown.isBefore(end)) {
            shown = shown.plusMinutes(1);
        }
        LocalDateTime today = LocalDateTime.now(clock);
        String text = shown.toLocalDate().equals(today.toLocalDate()) ? TIME.format(shown) : DATE_TIME.format(shown);
        return LoginRefusedException.locked(end, text, rules.maxFailedLogins());
    }
}
