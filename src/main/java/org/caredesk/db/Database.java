package org.caredesk.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import javax.sql.ConnectionPoolDataSource;
import javax.sql.DataSource;
import org.caredesk.common.UserException;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.RenderNameCase;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.postgresql.ds.PGConnectionPoolDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens the embedded H2 database (plain or encrypted), or a PostgreSQL database on a server, applies the Flyway
 * migrations and hands out the jOOQ context in the dialect of the database it opened. With
 * {@link DatabaseEncryption} the only place that knows the JDBC URL; repositories see a {@link DSLContext} and
 * nothing H2-specific (docs/decisions/0021).
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Folder inside the data folder that holds the database files. */
    public static final String DB_FOLDER = "db";
    private static final String DB_NAME = "caredesk";
    private static final String NO_SPACE_REUSE = ";REUSE_SPACE=FALSE";
    /**
     * Every commit that returned must survive a killed process (docs/decisions/0012). WRITE_DELAY=0 makes H2
     * write the store at each commit (with its default, returned commits were lost). REUSE_SPACE=FALSE: H2
     * 2.5.252 wrote a commit into reused free space in the middle of the file without a store header that points
     * to it, and after a kill -9 reopened at the commit before (measured: about one commit in five lost once old
     * chunks were free). Appending every chunk at the end keeps each one findable; {@link #close()} gives the
     * space back. MAX_COMPACT_TIME=0: H2's own short compaction at close only appends moved chunks to such a file.
     */
    private static final String DURABLE = ";WRITE_DELAY=0" + NO_SPACE_REUSE + ";MAX_COMPACT_TIME=0";
    /** Next to the database: its size after the last full compaction, to tell when the next one is worth it. */
    static final String COMPACTED_SIZE_FILE = DB_NAME + ".compacted";
    private static final long MB = 1024L * 1024L;

    /** What a data folder holds, so the start-up can choose between setup, conversion and login. */
    public enum FileState {
        /** No database yet. */
        NONE,
        /** A database written without encryption (before encryption at rest existed). */
        PLAIN,
        /** A database encrypted with a file key. */
        ENCRYPTED
    }

    private final JdbcConnectionPool pool;
    private final DSLContext dsl;
    private final String description;
    /** The URL for the compaction at close; null for in-memory databases. */
    private final String compactUrl;
    private final char[] password;

    private Database(ConnectionPoolDataSource source, SQLDialect dialect, String compactUrl, char[] password,
            String description) {
        // H2's small pool takes any driver's pooled connections, so both databases share one pool.
        this.pool = JdbcConnectionPool.create(source);
        this.pool.setMaxConnections(8);
        this.dsl = DSL.using(pool, dialect, settings(dialect));
        this.description = description;
        this.compactUrl = compactUrl;
        this.password = password.clone();
    }

    private static Database h2(String url, char[] password, String description) {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        source.setUser("sa");
        source.setPasswordChars(password);
        return new Database(source, SQLDialect.H2, url.startsWith("jdbc:h2:file:") ? url : null, password,
                description);
    }

    /**
     * The code is generated from H2, which folds unquoted names to upper case, and jOOQ quotes every name it
     * renders. PostgreSQL folds them to lower case, so there the names are rendered lower case (still quoted).
     */
    private static Settings settings(SQLDialect dialect) {
        Settings settings = new Settings();
        return dialect.family() == SQLDialect.POSTGRES ? settings.withRenderNameCase(RenderNameCase.LOWER) : settings;
    }

    /**
     * A PostgreSQL database on a server, migrated like the H2 file: for the tests of the SQL layer now and the
     * several-PC setup later. The H2 file features (encryption at rest, backups, compaction at close, the bulk-write
     * guard) do not apply to it; text is ordered by the queries, not by the server's collation.
     *
     * @param url a {@code jdbc:postgresql://host:port/database} URL
     */
    public static Database openPostgres(String url, String user, char[] password) {
        PGConnectionPoolDataSource source = new PGConnectionPoolDataSource();
        source.setURL(url);
        source.setUser(user);
        source.setPassword(new String(password));
        Database db = new Database(source, SQLDialect.POSTGRES, null, password, url);
        return migrated(db, url);
    }

    /**
     * The database file in a data folder, plain: only for folders from before encryption and for tests.
     */
    public static Database openFile(Path dataDir) {
        return openFile(dataDir, "");
    }

    /** As {@link #openFile(Path)} with more H2 settings: lets tests age the file (RETENTION_TIME=0). */
    static Database openFile(Path dataDir, String extraSettings) {
        Path folder = createFolder(dataDir);
        return open(fileUrl(dataDir, false) + extraSettings, new char[0], folder.toString());
    }

    /**
     * The URL the program opens a data folder's database file with (durable settings, encrypted or not), without
     * IFEXISTS: for the folder's own opens and for {@link RowRebuild}, which writes a new file the same way.
     */
    static String fileUrl(Path dataDir, boolean encrypted) {
        String file = dataDir.resolve(DB_FOLDER).resolve(DB_NAME).toAbsolutePath().toString();
        return "jdbc:h2:file:" + file + (encrypted ? ";CIPHER=AES;TRACE_LEVEL_FILE=0" : "") + DURABLE;
    }

    /**
     * The encrypted database file of a data folder; it must exist. H2 creates a database on open unless told
     * IFEXISTS, and did so when a crash or a person had taken the file away: the folder then held a new empty
     * database, the key ring still opened it, and the real data went unmentioned. Only the first setup creates
     * one ({@link #createEncrypted}). H2 encrypts every page it writes with the file key. The trace file stays off:
     * H2 writes failed statements there in plain text, values included.
     *
     * @param fileKey the 32-byte key from the key ring; H2 keeps its own copy while the database is open, so the
     *     caller may wipe this one
     * @throws UserException {@code database.error.wrongKey} when the key does not open this database,
     *     {@code database.error.missing} when there is no database file
     * @throws IllegalStateException when the folder holds a plain database: {@link #encryptExisting} first
     */
    public static Database openEncrypted(Path dataDir, byte[] fileKey) {
        if (!Files.isRegularFile(DatabaseFiles.databaseFile(dataDir))) {
            throw new UserException("database.error.missing", DatabaseFiles.databaseFile(dataDir).toString());
        }
        return openEncrypted(dataDir, fileKey, ";IFEXISTS=TRUE");
    }

    /** A new, empty, migrated encrypted database for the first setup of a folder that has none. */
    public static Database createEncrypted(Path dataDir, byte[] fileKey) {
        if (fileState(dataDir) != FileState.NONE) {
            throw new IllegalStateException("The data folder " + dataDir + " already has a database");
        }
        return openEncrypted(dataDir, fileKey, "");
    }

    private static Database openEncrypted(Path dataDir, byte[] fileKey, String ifExists) {
        if (fileKey == null || fileKey.length != 32) {
            throw new IllegalArgumentException("A file key has 32 bytes");
        }
        if (fileState(dataDir) == FileState.PLAIN) {
            throw new IllegalStateException("The database in " + dataDir + " is not encrypted yet");
        }
        Path folder = createFolder(dataDir);
        Database db = open(fileUrl(dataDir, true) + ifExists, DatabaseEncryption.h2Password(fileKey),
                folder.toString());
        DatabaseEncryption.finish(dataDir);
        return db;
    }

    /**
     * Whether the data folder has no database, a plain one or an encrypted one. Finishes or rolls back an
     * encryption that a crash interrupted first, so the answer is never "none" while a database exists.
     */
    public static FileState fileState(Path dataDir) {
        Path folder = dataDir.resolve(DB_FOLDER);
        DatabaseEncryption.recover(dataDir, folder, DB_NAME);
        Path file = DatabaseEncryption.dbFile(folder, DB_NAME);
        if (!Files.isRegularFile(file)) {
            return FileState.NONE;
        }
        return DatabaseEncryption.looksEncrypted(file) ? FileState.ENCRYPTED : FileState.PLAIN;
    }

    public static boolean isEncrypted(Path dataDir) {
        return fileState(dataDir) == FileState.ENCRYPTED;
    }

    /**
     * Turns the plain database of a data folder (made before encryption at rest) into an encrypted one with every
     * row kept, then opens it once (applying migrations) to prove it works. The original is kept aside until then
     * and wiped afterwards; on any failure it stays where it was. Does nothing when the folder holds no plain
     * database. The database must not be open, in this program or another.
     *
     * @throws UserException {@code error.databaseInUse} or {@code database.error.encryptFailed}
     */
    public static void encryptExisting(Path dataDir, byte[] fileKey) {
        if (fileState(dataDir) != FileState.PLAIN) {
            return;
        }
        Path folder = dataDir.resolve(DB_FOLDER);
        DatabaseEncryption.encrypt(dataDir, folder, DB_NAME, fileKey);
        try {
            openEncrypted(dataDir, fileKey).close();
        } catch (RuntimeException e) {
            DatabaseEncryption.rollBack(DatabaseEncryption.dbFile(folder, DB_NAME),
                    dataDir.resolve(DatabaseEncryption.STAGING));
            throw new UserException(e, "database.error.encryptFailed", folder.toString());
        }
    }

    /** A private, fresh in-memory database: for tests and benchmarks. */
    public static Database openInMemory() {
        return open("jdbc:h2:mem:caredesk-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", new char[0], "memory");
    }

    private static Path createFolder(Path dataDir) {
        Path folder = dataDir.resolve(DB_FOLDER);
        try {
            Files.createDirectories(folder);
        } catch (java.io.IOException e) {
            throw new UserException(e, "error.dataDirNotWritable", dataDir);
        }
        return folder;
    }

    private static Database open(String url, char[] password, String description) {
        return migrated(h2(url, password, description), description);
    }

    private static Database migrated(Database db, String description) {
        try {
            db.migrate();
        } catch (RuntimeException e) {
            db.close();
            throw translate(e, description);
        }
        return db;
    }

    static RuntimeException translate(RuntimeException e, String where) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof org.h2.jdbc.JdbcSQLNonTransientConnectionException h2
                    && h2.getErrorCode() == org.h2.api.ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return new UserException(e, "error.databaseInUse", where);
            }
            if (t instanceof java.sql.SQLException sql && isWrongKey(sql.getErrorCode())) {
                return new UserException(e, "database.error.wrongKey", where);
            }
            t = t.getCause();
        }
        if (e instanceof UserException) {
            return e;
        }
        return new UserException(e, "error.databaseOpen", where);
    }

    /** H2 cannot tell a wrong key from a damaged file header: both fail to decrypt the header. */
    private static boolean isWrongKey(int h2ErrorCode) {
        return h2ErrorCode == org.h2.api.ErrorCode.FILE_ENCRYPTION_ERROR_1;
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

    /**
     * A jOOQ context over connections that only read (such as {@link DatabaseFiles#readOnly}), for the few reads made
     * while the database is closed (who may restore); the dialect stays known only here.
     */
    public static DSLContext readOnlyDsl(DataSource source) {
        return DSL.using(source, SQLDialect.H2);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String description() {
        return description;
    }

    /** Whether this is a database file in a data folder (not an in-memory one): only a file has a safety copy. */
    public boolean isFile() {
        return compactUrl != null;
    }

    /**
     * Closes the database. Without space reuse a file grows by every commit (about 18 KB for a registration, far more
     * for an import or generated test data), so when it has grown to more than twice its size after the last full
     * compaction (and by more than 32 MB), it is compacted: H2's SHUTDOWN COMPACT writes the live data into a new
     * file and swaps it in atomically (measured: 1,453 MB to 42 MB in 1.4 s, 35 MB encrypted to 4 MB in 0.8 s).
     * Nothing is committed in that pass, so a crash during it cannot lose a saved record; if it fails, the file is
     * only larger until the next close. The size note ({@link DatabaseFiles#SIZE_NOTE}) is written last, after any
     * compaction, and removed before one starts, so a kill at any instant of the close never leaves a note larger
     * than a healthy file (docs/decisions/0017).
     */
    @Override
    public void close() {
        pool.dispose();
        try {
            if (compactUrl != null && worthCompacting(Files.size(dbFile()), compactedSize())) {
                compactNow();
            }
        } catch (java.io.IOException | java.sql.SQLException | RuntimeException e) {
            LOG.warn("Compacting {} at close failed; the data is unchanged", description, e);
        }
        try {
            if (compactUrl != null) {
                noteSize();
            }
        } catch (java.io.IOException e) {
            LOG.warn("Could not note the size of {}", description, e);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    static boolean worthCompacting(long size, long compactedSize) {
        return size > 2 * compactedSize && size - compactedSize > 32 * MB;
    }

    /**
     * Rewrites the closed file with only its live data and records the new size. The size note goes first: the
     * swapped-in file is shorter than the one noted, and a kill between the swap and a new note must not make the
     * healthy file look cut off. Without a note the start-up check reads every row instead of trusting a length.
     */
    void compactNow() throws java.sql.SQLException, java.io.IOException {
        long before = Files.size(dbFile());
        long started = System.nanoTime();
        Files.deleteIfExists(sizeNote());
        JdbcDataSource once = new JdbcDataSource();
        once.setURL(compactUrl);
        once.setUser("sa");
        once.setPasswordChars(password);
        try (java.sql.Connection c = once.getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        long after = Files.size(dbFile());
        Files.writeString(dbFile().resolveSibling(COMPACTED_SIZE_FILE), Long.toString(after));
        noteSize();
        LOG.info("Compacted {} from {} MB to {} MB in {} ms", description, before / MB, after / MB,
                (System.nanoTime() - started) / 1_000_000);
    }

    /**
     * Notes the closed file's length for {@link IntegrityCheck}. Written to a side file and moved into place, so a
     * kill while writing leaves the old note or the new one, never a half-written number.
     */
    private void noteSize() throws java.io.IOException {
        Path note = sizeNote();
        Path part = note.resolveSibling(note.getFileName() + ".part");
        Files.writeString(part, Long.toString(Files.size(dbFile())));
        try {
            Files.move(part, note, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(part, note, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path sizeNote() {
        return dbFile().resolveSibling(DatabaseFiles.SIZE_NOTE.getFileName());
    }

    private long compactedSize() {
        try {
            return Long.parseLong(Files.readString(dbFile().resolveSibling(COMPACTED_SIZE_FILE)).strip());
        } catch (java.io.IOException | NumberFormatException e) {
            return 0; // never compacted (or the note is unreadable): compact once it passes 32 MB
        }
    }

    private Path dbFile() {
        String path = compactUrl.substring("jdbc:h2:file:".length(), compactUrl.indexOf(';'));
        return Path.of(path + ".mv.db");
    }
}
