package org.caredesk.db;

import java.nio.file.Path;
import java.time.Clock;
import org.caredesk.app.AppContext;

/**
 * The databases the SQL layer is tested on. A test class marked {@link OnBothDatabases} gets one of these in its
 * {@code @Parameter} field and opens its databases through it, so it runs once on each (docs/decisions/0021).
 */
public enum TestDatabase {
    H2("H2") {
        @Override
        public Database open() {
            return Database.openInMemory();
        }

        @Override
        Database openFromFirstMigration() {
            return Database.openInMemory();
        }
    },
    POSTGRESQL("PostgreSQL") {
        @Override
        public Database open() {
            return PostgresTestServer.open();
        }

        @Override
        Database openFromFirstMigration() {
            return PostgresTestServer.openEmpty();
        }
    };

    private final String shownName;

    TestDatabase(String shownName) {
        this.shownName = shownName;
    }

    /** A fresh database of this kind with every migration applied, private to the caller; the caller closes it. */
    public abstract Database open();

    /** A database that Flyway migrated from empty while opening it, not a copy of one migrated before. */
    abstract Database openFromFirstMigration();

    /** As {@link AppContext#inMemory} on a fresh database of this kind. */
    public AppContext context(Path dataDir, Clock clock) {
        return AppContext.onTestDatabase(dataDir, open(), clock);
    }

    /** The name in each test's display name: "[H2]", "[PostgreSQL]". */
    @Override
    public String toString() {
        return shownName;
    }
}
