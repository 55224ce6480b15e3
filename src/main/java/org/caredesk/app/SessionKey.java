package org.caredesk.app;

import java.util.function.Function;
import org.caredesk.db.DatabaseFiles;
import org.caredesk.security.Pbkdf2;

/**
 * The database file key of the logged-in session, kept in this one object so that there is exactly one copy to
 * wipe when the program closes the data folder. Needed while the session lasts: a new account or a changed
 * password gets its key ring slot wrapped around it.
 */
public final class SessionKey implements AutoCloseable {
    private byte[] key;

    /** Takes ownership of {@code key}: the caller must not wipe or keep it. */
    public SessionKey(byte[] key) {
        this.key = key;
    }

    /** Runs {@code work} with the key; the key must not be kept beyond the call. */
    public synchronized <T> T with(Function<byte[], T> work) {
        if (key == null) {
            throw new IllegalStateException("The session's file key was already wiped");
        }
        return work.apply(key);
    }

    /** How the safety code (backup, restore, integrity check) opens the database files; valid until {@link #close}. */
    public synchronized DatabaseFiles databaseFiles() {
        if (key == null) {
            throw new IllegalStateException("The session's file key was already wiped");
        }
        return DatabaseFiles.encrypted(key);
    }

    @Override
    public synchronized void close() {
        if (key != null) {
            Pbkdf2.wipe(key);
            key = null;
        }
    }
}
