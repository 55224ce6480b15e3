package org.caredesk.security;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import javax.sql.DataSource;
import org.caredesk.common.UserException;
import org.caredesk.db.BackupKey;
import org.caredesk.db.Database;
import org.caredesk.db.DatabaseFiles;

/**
 * The two ways a restore opens a backup's own key ring (decision 0019): with the data folder's key, when the backup
 * is of this folder; or with a user's password, when it is from another PC or the folder has no key of its own.
 * Either way the key ring is proven to open before anything is replaced, so a restore cannot lock everyone out.
 */
public final class BackupKeys {
    private BackupKeys() {}

    /** The folder's own key (read at each use: the session may end meanwhile); another folder's ring gives none. */
    public static BackupKey ofFolder(DatabaseFiles files) {
        return ring -> {
            byte[] own = files.fileKey().orElseThrow(() -> new IllegalStateException("The folder has no file key"));
            return load(ring).holds(own) ? Optional.of(own.clone()) : Optional.empty();
        };
    }

    /**
     * The folder's key when it opens the backup, else the password's; a password that does not open it either gives
     * none, so that the restore names the backup's community instead of blaming the password.
     */
    public static BackupKey ofFolderOr(DatabaseFiles files, Password password) {
        BackupKey folder = ofFolder(files);
        return ring -> {
            Optional<byte[]> own = folder.open(ring);
            if (own.isPresent()) {
                return own;
            }
            try {
                return password.open(ring);
            } catch (UserException e) {
                if ("restore.error.wrongLogin".equals(e.key())) {
                    return Optional.empty();
                }
                throw e;
            }
        };
    }

    /** A user's password, for a backup whose key ring has that user's slot. Wipe it with {@link Password#close}. */
    public static Password password(String user, char[] password) {
        return new Password(user, password.clone());
    }

    /**
     * The folder's files after a restore: with the backup's key when the password opened it (another folder's
     * backup replaced the key ring too), else with the folder's own key.
     */
    public static DatabaseFiles restoredFiles(DatabaseFiles own, Password password) {
        return new DatabaseFiles() {
            private DatabaseFiles current() {
                return password.opened() ? password.databaseFiles() : own;
            }

            @Override
            public DataSource readOnly(Path dataDir) {
                return current().readOnly(dataDir);
            }

            @Override
            public Database open(Path dataDir) {
                return current().open(dataDir);
            }

            @Override
            public DataSource writable(Path dataDir) {
                return current().writable(dataDir);
            }

            @Override
            public Optional<byte[]> fileKey() {
                return current().fileKey();
            }
        };
    }

    private static KeyRing load(byte[] ring) {
        try {
            return KeyRing.fromBytes(ring, KeyRing.MIN_ITERATIONS);
        } catch (UserException e) {
            throw new UserException(e, "restore.error.keyRingDamaged");
        }
    }

    /**
     * Opens a backup's key ring with a user's password and keeps the key it unwraps, so the second unpacking of the
     * same backup (inspect, then restore) does not derive it again, and the restored folder can be opened with it.
     */
    public static final class Password implements BackupKey, AutoCloseable {
        private final String user;
        private final char[] password;
        private byte[] ringBytes;
        private byte[] key;

        private Password(String user, char[] password) {
            this.user = user;
            this.password = password;
        }

        @Override
        public synchronized Optional<byte[]> open(byte[] ring) {
            if (key != null && Arrays.equals(ring, ringBytes)) {
                return Optional.of(key.clone());
            }
            byte[] unwrapped;
            try {
                unwrapped = load(ring).unwrap(user, password);
            } catch (UserException e) {
                if ("keyring.error.wrongLogin".equals(e.key())) {
                    throw new UserException(e, "restore.error.wrongLogin");
                }
                throw new UserException(e, "restore.error.keyRingDamaged");
            }
            Pbkdf2.wipe(key);
            key = unwrapped;
            ringBytes = ring.clone();
            return Optional.of(key.clone());
        }

        /** Whether a backup's key ring opened with this password. */
        public synchronized boolean opened() {
            return key != null;
        }

        /** The files of the folder once restored: opened with the backup's key, which this password unwrapped. */
        public DatabaseFiles databaseFiles() {
            return new DatabaseFiles() {
                @Override
                public DataSource readOnly(Path dataDir) {
                    return DatabaseFiles.encrypted(key()).readOnly(dataDir);
                }

                @Override
                public Database open(Path dataDir) {
                    return DatabaseFiles.encrypted(key()).open(dataDir);
                }

                @Override
                public DataSource writable(Path dataDir) {
                    return DatabaseFiles.encrypted(key()).writable(dataDir);
                }

                @Override
                public Optional<byte[]> fileKey() {
                    return Optional.of(key());
                }
            };
        }

        private synchronized byte[] key() {
            if (key == null) {
                throw new IllegalStateException("No backup was opened with this password yet");
            }
            return key;
        }

        @Override
        public synchronized void close() {
            Pbkdf2.wipe(password);
            if (key != null) {
                Pbkdf2.wipe(key);
                key = null;
            }
        }
    }
}
