package org.caredesk.app;

import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import org.caredesk.audit.Actor;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.db.Database;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.settings.service.SettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds every service once, by hand, from the database and a clock. The GUI and the
 * command line both start here, so they run the same services.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final Path dataDir;
    private final Database database;
    private final Clock clock;
    private final AuditLog audit;
    private final PersonService people;
    private final SettingsService settings;
    /** Who the services record as acting; the system until someone logs in. */
    private volatile Actor actor = Actor.SYSTEM;
    private final Map<Class<?>, Object> extras = new HashMap<>();

    public AppContext(Path dataDir, Database database, Clock clock) {
        this.dataDir = dataDir;
        this.database = database;
        this.clock = clock;
        this.audit = new AuditLog(database.dsl(), new AuditRepository(), clock);
        this.people = new PersonService(database.dsl(), new PersonRepository(), clock, PeopleRules.DEFAULTS, audit,
                this::actorName);
        this.settings = new SettingsService(database.dsl(), new SettingsRepository(database.dsl()),
                new CommunityRepository(), clock);
    }

    /** Opens the database in a data folder (creating and migrating it as needed). */
    public static AppContext open(Path dataDir) {
        LOG.info("Opening data folder {}", dataDir);
        return new AppContext(dataDir, Database.openFile(dataDir), Clock.systemDefaultZone());
    }

    /** A throwaway context on a fresh in-memory database: tests and benchmarks. */
    public static AppContext inMemory(Path dataDir, Clock clock) {
        return new AppContext(dataDir, Database.openInMemory(), clock);
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
