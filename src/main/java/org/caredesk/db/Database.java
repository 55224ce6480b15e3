package org.caredesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.DataSource;
import org.caredesk.common.UserException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded H2 database, applies the Flyway migrations and hands out the jOOQ context. The only class
 * that knows the JDBC URL; repositories see a {@link DSLContext} and nothing H2-specific.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Folder inside the data folder that holds the database files. */
    public static final String DB_FOLDER = "db";
    private static final String DB_NAME = "caredesk";

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String description;

    private Database(String url, String description) {
        this.pool = JdbcConnectionPool.create(url, "sa", "");
        this.pool.setMaxConnections(8);
        this.dsl = DSL.using(pool, SQLDialect.H2);
        this.description = description;
    }

    /**
     * The database file in a data folder. WRITE_DELAY=0: with H2's default, commits that had returned were lost
     * when the process was killed (measured on this project's machines).
     */
    public static Database openFile(Path dataDir) {
        Path folder = dataDir.resolve(DB_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", dataDir);
        }
        String url = "jdbc:h2:file:" + folder.resolve(DB_NAME).toAbsolutePath() + ";WRITE_DELAY=0";
        return open(url, folder.toString());
    }

    /** A private, fresh in-memory database: for tests and benchmarks. */
    public static Database openInMemory() {
        return open("jdbc:h2:mem:caredesk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "memory");
    }

    private static Database open(String url, String description) {
        Database db = new Database(url, description);
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw translate(e, description);
        }
        return db;
    }

    private static RuntimeException translate(RuntimeException e, String where) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.h2.jdbc.JdbcSQLNonTransientConnectionException h2
                    && h2.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new UserException(e, "error.databaseInUse", where);
            }
            t = t.getCause();
        }
        if (e instanceof UserException) {
            return e;
        }
        return new UserException(e, "error.databaseOpen", where);
    }

    private void migrate() {
        Flyway flyway = Flyway.configure()
                .dataSource(pool)
                .locations("classpath:db/migration")
                .load();
        var result = flyway.migrate();
        var current = flyway.info().current();
        LOG.info("Database {} at schema version {} ({} migrations applied now)", description,
                current == null ? "-" : current.getVersion(), result.migrationsExecuted);
    }

    public DSLContext dsl() {
        return dsl;
    }

    public DataSource dataSource() {
        return pool;
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.dispose();
    }
}
