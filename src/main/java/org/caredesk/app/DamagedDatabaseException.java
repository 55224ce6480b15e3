package org.caredesk.app;

import java.nio.file.Path;
import org.caredesk.common.UserException;
import org.caredesk.db.IntegrityCheckResult;

/**
 * The password was right but the database failed the integrity check at start: it was not opened and nothing was
 * written to it. Carries what the window needs to offer the newest usable backup: the check's result (with the
 * offer) and the unlocked file key, which belongs to whoever catches this and must be closed by them.
 */
public final class DamagedDatabaseException extends UserException {
    private static final long serialVersionUID = 1L;
    private final transient Path dataDir;
    private final transient String userName;
    private final transient IntegrityCheckResult result;
    private final transient SessionKey key;

    DamagedDatabaseException(Path dataDir, String userName, IntegrityCheckResult result, SessionKey key) {
        super("integrity.damaged.atLogin");
        this.dataDir = dataDir;
        this.userName = userName;
        this.result = result;
        this.key = key;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** Who unlocked the key ring: named in the audit entry of a restore. */
    public String userName() {
        return userName;
    }

    /** The check's verdict, with the newest backup that passed inspection, if any. */
    public IntegrityCheckResult result() {
        return result;
    }

    SessionKey fileKey() {
        return key;
    }

    /** Wipes the file key; the caller is done with this folder. */
    public void close() {
        key.close();
    }
}
