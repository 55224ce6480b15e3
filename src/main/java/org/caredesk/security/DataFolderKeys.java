package org.caredesk.security;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.caredesk.common.UserException;
import org.caredesk.db.Database;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The data folder's keys in the terms of the start-up: set up a new (or not yet encrypted) folder with its first
 * administrator, unlock it with any user's password, open the encrypted database. User management reaches the
 * slots through {@link #keyRing(Path)}.
 */
public final class DataFolderKeys {
    private static final Logger LOG = LoggerFactory.getLogger(DataFolderKeys.class);

    /** What the start-up should show for a data folder. */
    public enum State {
        /** Nothing there yet: the first-administrator setup creates the key ring and an empty database. */
        NEW,
        /** A database from before encryption and no key ring: the setup keeps the data and encrypts it. */
        UNENCRYPTED,
        /** A key ring: the login window. */
        READY,
        /** An encrypted database without its key ring: nobody can open it until the file is restored. */
        KEY_RING_MISSING
    }

    private final int iterations;

    /** @param iterations PBKDF2 work factor for new slots: {@link Pbkdf2#ITERATIONS}; tests pass a small one */
    public DataFolderKeys(int iterations) {
        if (iterations < KeyRing.MIN_ITERATIONS) {
            throw new IllegalArgumentException("PBKDF2 iterations too low: " + iterations);
        }
        this.iterations = iterations;
    }

    /** The production setting. */
    public static DataFolderKeys standard() {
        return new DataFolderKeys(Pbkdf2.ITERATIONS);
    }

    public static Path keyRingFile(Path dataDir) {
        return dataDir.resolve(KeyRing.FILE_NAME);
    }

    public State state(Path dataDir) {
        boolean ring = Files.exists(keyRingFile(dataDir));
        Database.FileState db = Database.fileState(dataDir);
        if (ring) {
            return State.READY;
        }
        return switch (db) {
            case NONE -> State.NEW;
            case PLAIN -> State.UNENCRYPTED;
            case ENCRYPTED -> State.KEY_RING_MISSING;
        };
    }

    /**
     * First start: makes a random file key, the key ring with the administrator's slot, and the encrypted
     * database (a new empty one, or the existing plain one converted with every row kept).
     *
     * @return the file key; the caller wipes it when the session ends ({@link Pbkdf2#wipe(byte[])})
     * @throws UserException {@code keyring.error.alreadySetUp}, {@code keyring.error.missing} (an encrypted
     *     database whose key ring is gone: a new key could not open it), or the database's own errors; on failure
     *     the folder is as it was
     */
    public byte[] createNew(Path dataDir, String adminUser, char[] password) {
        Path ringFile = keyRingFile(dataDir);
        State state = state(dataDir);
        if (state == State.READY) {
            throw new UserException("keyring.error.alreadySetUp", ringFile.toString());
        }
        if (state == State.KEY_RING_MISSING) {
            throw new UserException("keyring.error.missing", ringFile.toString());
        }
        byte[] fileKey = KeyRing.newFileKey();
        try {
            KeyRing.create(ringFile, adminUser, password, fileKey, iterations);
            try {
                (state == State.NEW ? Database.createEncrypted(dataDir, fileKey) : open(dataDir, fileKey)).close();
            } catch (RuntimeException e) {
                // Without its database the key ring would send the next start to a login nobody can pass.
                if (Database.fileState(dataDir) != Database.FileState.ENCRYPTED) {
                    deleteQuietly(ringFile);
                }
                throw e;
            }
        } catch (RuntimeException e) {
            Pbkdf2.wipe(fileKey);
            throw e;
        }
        LOG.info("Set up encryption for data folder {}", dataDir);
        return fileKey;
    }

    /**
     * The file key, if the password is the user's.
     *
     * @throws UserException {@code keyring.error.wrongLogin} (unknown user and wrong password alike), or the key
     *     ring's own errors (missing, damaged)
     */
    public byte[] unlock(Path dataDir, String user, char[] password) {
        return keyRing(dataDir).unwrap(user, password);
    }

    /**
     * Opens the data folder's database with the file key, first encrypting a plain one left from an interrupted
     * setup (or from before encryption). Migrations run as with {@link Database#openFile(Path)}.
     */
    public Database open(Path dataDir, byte[] fileKey) {
        if (Database.fileState(dataDir) == Database.FileState.PLAIN) {
            Database.encryptExisting(dataDir, fileKey);
        }
        return Database.openEncrypted(dataDir, fileKey);
    }

    /** Unlock and open in one step, for callers that do not need the key afterwards (the command line). */
    public Database open(Path dataDir, String user, char[] password) {
        byte[] fileKey = unlock(dataDir, user, password);
        try {
            return open(dataDir, fileKey);
        } finally {
            Pbkdf2.wipe(fileKey);
        }
    }

    /** The key ring, for adding, re-wrapping and removing slots as users change. */
    public KeyRing keyRing(Path dataDir) {
        return KeyRing.load(keyRingFile(dataDir), iterations);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete {}", file, e);
        }
    }
}
