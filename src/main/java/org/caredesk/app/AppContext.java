package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.people.service.PersonService;
import org.caredesk.security.Permission;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.risk.AssessmentService;
import org.caredesk.board.BoardService;
import org.caredesk.risk.ColourService;
import org.caredesk.incidents.IncidentService;
import org.caredesk.risk.RiskSettingsService;
import org.caredesk.visits.VisitService;
import org.caredesk.today.WorkListService;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.today.service.QueryPlans;
import org.caredesk.visits.service.SyntheticVisits;
import org.slf4j.LoggerFactory;

/**
 * The composition root: the database, the clock, the session and one instance of every service, each built by the
 * one recipe of its feature's {@link FeatureModule} ({@link Modules#ALL}). The window and the command line both open
 * a context, so they run the same services. A test replaces a service through {@link Builder#override} before the
 * modules build, never by asking for it first (docs/decisions/0023).
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Database database;
    private final Clock clock;
    /** The file key of a data folder opened with a login; null for the tests' and the benchmark's databases. */
    private final SessionKey sessionKey;
    private final List<FeatureModule> modules;
    private final Registry services;
    /** Who is logged in; every service checks its permissions here. */
    private final Session session = new Session();
    /** Who the services record as acting; the system until someone logs in. */
    private volatile Actor actor = Actor.SYSTEM;

    /** A context with every module and nothing overridden. */
    public AppContext(Path dataDir, Database database, Clock clock) {
        this(builder(dataDir, clock), database);
    }

    private AppContext(Builder b, Database database) {
        this.dataDir = b.dataDir;
        this.database = database;
        this.clock = b.clock;
        this.sessionKey = b.sessionKey;
        this.modules = b.modules;
        this.services = new Registry("context", b.overrides);
        // Every refusal by the matrix is on record under the user's name (issue 8), whatever screen or command asked.
        session.onDenied((who, permission) -> recordRefusal(who.userName(), permission));
        for (FeatureModule m : modules) {
            m.build(this);
        }
        services.seal();
        for (FeatureModule m : modules) {
            m.start(this);
        }
    }

    /** How a context is opened: the modules it assembles and what a test or the login puts in their place. */
    public static Builder builder(Path dataDir, Clock clock) {
        return new Builder(dataDir, clock);
    }

    public static final class Builder {
        private final Path dataDir;
        private final Clock clock;
        private final Overrides overrides = Overrides.none();
        private List<FeatureModule> modules = Modules.ALL;
        private SessionKey sessionKey;

        private Builder(Path dataDir, Clock clock) {
            this.dataDir = dataDir;
            this.clock = clock;
        }

        /** Uses {@code instance} wherever {@code type} is asked for, instead of its module's recipe. */
        public <T> Builder override(Class<T> type, T instance) {
            overrides.put(type, instance);
            return this;
        }

        /** The modules to assemble; {@link Modules#ALL} unless a test needs fewer. */
        public Builder modules(List<FeatureModule> modules) {
            this.modules = List.copyOf(modules);
            return this;
        }

        /** The folder's file key, held while the context is open and wiped when it closes. */
        Builder sessionKey(SessionKey key) {
            this.sessionKey = key;
            return this;
        }

        public AppContext open(Database database) {
            return new AppContext(this, database);
        }

        /** A fresh in-memory database, logged in as {@link #TEST_IDENTITY} (see {@link AppContext#inMemory}). */
        public AppContext inMemory() {
            AppContext ctx = open(Database.openInMemory());
            ctx.session.login(TEST_IDENTITY, clock.instant());
            return ctx;
        }
    }

    /**
     * A throwaway context on a fresh in-memory database, for tests and the in-memory benchmark only. Its session
     * starts logged in as {@link #TEST_IDENTITY}, a local identity named "test" that holds every role except
     * 审计员 (the auditor's role stands alone), so tests of the registry need no accounts; tests of the audit log's
     * reading, and of refusals, log in their own identity. The audit log still names the {@link Actor#SYSTEM}
     * as acting until {@link #actAs} says otherwise.
     */
    public static AppContext inMemory(Path dataDir, Clock clock) {
        return onTestDatabase(dataDir, Database.openInMemory(), clock);
    }

    /** As {@link #inMemory} on a database the test opened: the tests of the SQL layer run on H2 and PostgreSQL. */
    public static AppContext onTestDatabase(Path dataDir, Database database, Clock clock) {
        AppContext ctx = builder(dataDir, clock).open(database);
        ctx.session.login(TEST_IDENTITY, clock.instant());
        return ctx;
    }

    /** The identity {@link #inMemory} logs in: every role except 审计员. Never stored in a database. */
    public static final UserIdentity TEST_IDENTITY = new UserIdentity(new UUID(0, 1), "test", "test",
            EnumSet.complementOf(EnumSet.of(Role.AUDITOR)));

    private void recordRefusal(String userName, Permission permission) {
        try {
            audit().record(new AuditEvent(userName, AuditAction.ACCESS_DENIED, AuditObjectType.USER, null, userName,
                    AuditDetail.message("audit.detail.accessDenied", new I18n.Key("permission." + permission.name())),
                    AuditOutcome.FAILURE));
        } catch (RuntimeException e) {
            // The refusal itself still stands; only its record is missing.
            LoggerFactory.getLogger(AppContext.class).warn("Could not record a refused {} of {}", permission,
                    userName, e);
        }
    }

    /** The modules this context assembled; the window registers the views of the same. */
    List<FeatureModule> modules() {
        return modules;
    }

    /** For the modules, while the context is built: the one recipe of a service. */
    public <T> void provide(Class<T> type, Supplier<? extends T> recipe) {
        services.provide(type, recipe);
    }

    /** The service of this type, as its module built it (or as overridden). */
    public <T> T service(Class<T> type) {
        return services.get(type);
    }

    /** The session of this program instance: who is logged in. */
    public Session session() {
        return session;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Where temporary files (exports in progress) go: inside the data folder, never the system temp. */
    public Path tempDir() {
        return dataDir.resolve("tmp");
    }

    public Database database() {
        return database;
    }

    /** The file key this context was opened with; empty for the tests' and the benchmark's databases. */
    Optional<SessionKey> sessionKey() {
        return Optional.ofNullable(sessionKey);
    }

    /** How the backup code reaches this folder's database: with the file key once logged in, plain before. */
    DatabaseFiles databaseFiles() {
        return sessionKey == null ? DatabaseFiles.plain() : sessionKey.databaseFiles();
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return service(AuditLog.class);
    }

    /** The user the services record as acting now, asked at each write. */
    public Actor actor() {
        return this::actorName;
    }

    /** Sets who is acting from now on (login, logout); {@link Actor#SYSTEM} when nobody is. */
    public void actAs(Actor who) {
        this.actor = who == null ? Actor.SYSTEM : who;
    }

    private String actorName() {
        return actor.userName();
    }

    // Shortcuts to the services most screens and tests use; a new feature asks service(Type.class) instead.

    public PersonService people() {
        return service(PersonService.class);
    }

    public SettingsService settings() {
        return service(SettingsService.class);
    }

    /** The numbers of the visit and colour rules. */
    public RiskSettingsService riskSettings() {
        return service(RiskSettingsService.class);
    }

    /** Keeps colours and schedules in step; the demo and the generator write through it in batches. */
    public CareKeeper care() {
        return service(CareKeeper.class);
    }

    /** Fictitious visits for scale tests ({@code generate}, the benchmark). */
    public SyntheticVisits syntheticVisits() {
        return service(SyntheticVisits.class);
    }

    /** Writes the demo community's two years of care. */
    public DemoHistory demoHistory() {
        return service(DemoHistory.class);
    }

    /** The plans of the home screen's and board's queries (the benchmark's {@code --explain}). */
    public QueryPlans queryPlans() {
        return service(QueryPlans.class);
    }

    public VisitService visits() {
        return service(VisitService.class);
    }

    public AssessmentService assessments() {
        return service(AssessmentService.class);
    }

    public ColourService colours() {
        return service(ColourService.class);
    }

    public IncidentService incidents() {
        return service(IncidentService.class);
    }

    /** The 今日工作 home screen. */
    public WorkListService workList() {
        return service(WorkListService.class);
    }

    /** The three-colour warning board. */
    public BoardService board() {
        return service(BoardService.class);
    }

    /** Closes the database, then wipes the session's file key. */
    @Override
    public void close() {
        try {
            database.close();
        } finally {
            if (sessionKey != null) {
                sessionKey.close();
            }
        }
    }
}
