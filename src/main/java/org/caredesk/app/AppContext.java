package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.common.I18n;
import org.caredesk.security.Permission;
import org.slf4j.LoggerFactory;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.db.BulkWriteGuard;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;
import org.jooq.DSLContext;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.visits.AssessmentService;
import org.caredesk.visits.BoardService;
import org.caredesk.visits.ColourService;
import org.caredesk.visits.IncidentService;
import org.caredesk.visits.RiskSettingsService;
import org.caredesk.visits.VisitService;
import org.caredesk.visits.WorkListService;
import org.caredesk.visits.data.AssessmentRepository;
import org.caredesk.visits.data.BoardRepository;
import org.caredesk.visits.data.CareRepository;
import org.caredesk.visits.data.IncidentRepository;
import org.caredesk.visits.data.VisitRepository;
import org.caredesk.visits.data.WorkListRepository;
import org.caredesk.visits.service.CareKeeper;
import org.caredesk.visits.service.DbAssessmentService;
import org.caredesk.visits.service.DbBoardService;
import org.caredesk.visits.service.DbColourService;
import org.caredesk.visits.service.DbIncidentService;
import org.caredesk.visits.service.DbVisitService;
import org.caredesk.visits.service.DbWorkListService;
import org.caredesk.visits.service.DemoHistory;
import org.caredesk.visits.service.QueryPlans;
import org.caredesk.visits.service.StoredRiskSettings;
import org.caredesk.visits.service.SyntheticVisits;

/**
 * The composition root: builds every service once, by hand, from the database and a clock. The GUI and the
 * command line both start here, so they run the same services.
 */
public final class AppContext implements AutoCloseable {

    private final Path dataDir;
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final PersonService people;
    private final SettingsService settings;
    private final RiskSettingsService riskSettings;
    private final CareKeeper care;
    private final VisitService visits;
    private final AssessmentService assessments;
    private final ColourService colours;
    private final IncidentService incidents;
    private final WorkListService workList;
    private final BoardService board;
    /** Who is logged in; every service checks its permissions here. */
    private final Session session = new Session();
    /** Who the services record as acting; the system until someone logs in. */
    private volatile Actor actor = Actor.SYSTEM;
    private final Map<Class<?>, Object> extras = new HashMap<>();

    public AppContext(Path dataDir, Database database, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.clock = clock;
        DSLContext dsl = database.dsl();
        Actor acting = this::actorName;
        this.audit = new AuditLog(dsl, new AuditRepository(), clock, session);
        // Every refusal by the matrix is on record under the user's name (issue 8), whatever screen or command asked.
        session.onDenied((who, permission) -> recordRefusal(who.userName(), permission));
        this.riskSettings = new StoredRiskSettings(dsl, audit, acting, session);
        CareRepository careRepository = new CareRepository();
        AssessmentRepository assessmentRepository = new AssessmentRepository();
        IncidentRepository incidentRepository = new IncidentRepository();
        WorkListRepository lists = new WorkListRepository();
        this.care = new CareKeeper(careRepository, assessmentRepository, incidentRepository, new PersonRepository(),
                riskSettings, PeopleRules.DEFAULTS, clock, acting);
        BulkWriteGuard guard = database.isFile()
                ? new BulkWriteGuard(dataDir, () -> database, this::databaseFiles, clock) : BulkWriteGuard.NONE;
        this.people = new PersonService(dsl, new PersonRepository(), clock, PeopleRules.DEFAULTS, audit, acting,
                session, care, guard);
        this.settings = new SettingsService(dsl, new SettingsRepository(dsl), new CommunityRepository(), clock, audit,
                acting, session);
        this.visits = new DbVisitService(dsl, new VisitRepository(), careRepository, care, audit, acting, session);
        this.assessments = new DbAssessmentService(dsl, assessmentRepository, care, audit, acting, session);
        this.colours = new DbColourService(dsl, careRepository, care, audit, acting, session);
        this.incidents = new DbIncidentService(dsl, incidentRepository, lists, care, audit, acting, session);
        this.workList = new DbWorkListService(dsl, lists, care, colours, PeopleRules.DEFAULTS, session);
        this.board = new DbBoardService(dsl, new BoardRepository(), care, session);
        // People registered before visits existed get their schedule row and first colour once.
        care.backfill(dsl);
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
        AppContext ctx = new AppContext(dataDir, database, clock);
        ctx.session.login(TEST_IDENTITY, clock.instant());
        return ctx;
    }

    /** The identity {@link #inMemory} logs in: every role except 审计员. Never stored in a database. */
    public static final UserIdentity TEST_IDENTITY = new UserIdentity(new UUID(0, 1), "test", "test",
            EnumSet.complementOf(EnumSet.of(Role.AUDITOR)));

    private void recordRefusal(String userName, Permission permission) {
        try {
            audit.record(new AuditEvent(userName, AuditAction.ACCESS_DENIED, AuditObjectType.USER, null, userName,
                    AuditDetail.message("audit.detail.accessDenied", new I18n.Key("permission." + permission.name())),
                    AuditOutcome.FAILURE));
        } catch (RuntimeException e) {
            // The refusal itself still stands; only its record is missing.
            LoggerFactory.getLogger(AppContext.class).warn("Could not record a refused {} of {}", permission,
                    userName, e);
        }
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

    /** How the backup code reaches this folder's database: with the file key once logged in, plain before. */
    private synchronized DatabaseFiles databaseFiles() {
        return extras.get(SessionKey.class) instanceof SessionKey key ? key.databaseFiles() : DatabaseFiles.plain();
    }

    public Clock clock() {
        return clock;
    }

    public AuditLog audit() {
        return audit;
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

    public PersonService people() {
        return people;
    }

    public SettingsService settings() {
        return settings;
    }

    /** The numbers of the visit and colour rules. */
    public RiskSettingsService riskSettings() {
        return riskSettings;
    }

    /** Keeps colours and schedules in step; the demo and the generator write through it in batches. */
    public CareKeeper care() {
        return care;
    }

    /** Fictitious visits for scale tests ({@code generate}, the benchmark). */
    public SyntheticVisits syntheticVisits() {
        return get(SyntheticVisits.class, c -> new SyntheticVisits(database.dsl(), new VisitRepository(),
                new CareRepository(), new PersonRepository(), care, audit, this::actorName, session));
    }

    /** Writes the demo community's two years of care. */
    public DemoHistory demoHistory() {
        return get(DemoHistory.class, c -> new DemoHistory(database.dsl(), new VisitRepository(),
                new AssessmentRepository(), new IncidentRepository(), new CareRepository(), new PersonRepository(),
                care, audit, session));
    }

    /** The plans of the home screen's and board's queries (the benchmark's {@code --explain}). */
    public QueryPlans queryPlans() {
        return get(QueryPlans.class, c -> new QueryPlans(database.dsl(), care, PeopleRules.DEFAULTS));
    }

    public VisitService visits() {
        return visits;
    }

    public AssessmentService assessments() {
        return assessments;
    }

    public ColourService colours() {
        return colours;
    }

    public IncidentService incidents() {
        return incidents;
    }

    /** The 今日工作 home screen. */
    public WorkListService workList() {
        return workList;
    }

    /** The three-colour warning board. */
    public BoardService board() {
        return board;
    }

    /** A lazily built singleton of a service that is composed from the ones above. */
    public synchronized <T> T get(Class<T> type, Function<AppContext, T> factory) {
        Object o = extras.get(type);
        if (o == null) {
            o = factory.apply(this);
            extras.put(type, o);
        }
        return type.cast(o);
    }

    /** Closes the database, then wipes what the extras hold (the session's file key). */
    @Override
    public void close() {
        try {
            database.close();
        } finally {
            synchronized (this) {
                for (Object o : extras.values()) {
                    if (o instanceof SessionKey key) {
                        key.close();
                    }
                }
            }
        }
    }
}
