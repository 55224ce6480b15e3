package org.caredesk.db;

import java.nio.file.Path;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/**
 * How the safety code (integrity check, backup before a migration, restore) reaches the database of a data folder
 * other than through an open {@link Database}. The data folder is a parameter because the same code works on the
 * live folder and on a backup unpacked into a temporary one. Once the files are encrypted, the start-up code
 * supplies an implementation that knows the file key (for an unpacked backup, from the key ring inside it).
 */
public interface DatabaseFiles {
    /** The file holding the whole database, relative to a data folder. */
    Path DATABASE_FILE = Path.of(Database.DB_FOLDER, "caredesk.mv.db");
    /**
     * The database file's length when the program last closed it. Without space reuse (decision 0012) the file only
     * grows between closes, so a shorter file was cut off: H2 would open it at an older state without a word.
     */
    Path SIZE_NOTE = Path.of(Database.DB_FOLDER, "caredesk.size");
    /** The wrapped file keys (encryption), relative to a data folder: travels with every backup. */
    Path KEY_RING = Path.of("keyring.properties");

    /**
     * Connections that only read: nothing is written to the files, not even a trace file, and a missing database
     * is an error rather than a new empty one.
     */
    DataSource readOnly(Path dataDir);

    /** Opens the database for work, applying any pending migration, as the program does at start. */
    Database open(Path dataDir);

    /**
     * Plain connections to the database file as the program writes it, creating it when absent, with no
     * migration: for {@link RowRebuild}, which fills a new file from a script of the old one's rows.
     */
    DataSource writable(Path dataDir);

    /**
     * The file key these files are opened with, without a copy (the owner wipes it); empty for the unencrypted
     * database of the tests. Backups sign their manifest with it (decision 0019).
     */
    default Optional<byte[]> fileKey() {
        return Optional.empty();
    }

    static Path databaseFile(Path dataDir) {
        return dataDir.resolve(DATABASE_FILE);
    }

    /** The unencrypted database of {@link Database#openFile}. */
    static DatabaseFiles plain() {
        return new DatabaseFiles() {
            @Override
            public DataSource readOnly(Path dataDir) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(readOnlyUrl(dataDir, ""));
                ds.setUser("sa");
                ds.setPassword("");
                return ds;
            }

            @Override
            public Database open(Path dataDir) {
                return Database.openFile(dataDir);
            }

            @Override
            public DataSource writable(Path dataDir) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(Database.fileUrl(dataDir, false));
                ds.setUser("sa");
                ds.setPassword("");
                return ds;
            }
        };
    }

    /**
     * The encrypted database of {@link Database#openEncrypted}. Uses {@code fileKey} as given, without a copy: the
     * caller wipes it when done, and must not before.
     */
    static DatabaseFiles encrypted(byte[] fileKey) {
        return new DatabaseFiles() {
            @Override
            public DataSource readOnly(Path dataDir) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(readOnlyUrl(dataDir, ";CIPHER=AES"));
                ds.setUser("sa");
                ds.setPasswordChars(DatabaseEncryption.h2Password(fileKey));
                return ds;
            }

            @Override
            public Database open(Path dataDir) {
                return Database.openEncrypted(dataDir, fileKey);
            }

            @Override
            public DataSource writable(Path dataDir) {
                JdbcDataSource ds = new JdbcDataSource();
                ds.setURL(Database.fileUrl(dataDir, true));
                ds.setUser("sa");
                ds.setPasswordChars(DatabaseEncryption.h2Password(fileKey));
                return ds;
            }

            @Override
            public Optional<byte[]> fileKey() {
                return Optional.of(fileKey);
            }
        };
    }

    /**
     * The JDBC URL that opens a data folder's database read-only. {@code extraOptions} (such as
     * {@code ";CIPHER=AES"}) is appended for encrypted files.
     */
    static String readOnlyUrl(Path dataDir, String extraOptions) {
        String file = dataDir.resolve(Database.DB_FOLDER).resolve("caredesk").toAbsolutePath().toString();
        return "jdbc:h2:file:" + file + ";ACCESS_MODE_DATA=r;IFEXISTS=TRUE;TRACE_LEVEL_FILE=0" + extraOptions;
    }
}
