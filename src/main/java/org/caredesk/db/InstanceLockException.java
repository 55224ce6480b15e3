package org.caredesk.db;

import org.caredesk.common.UserException;

/**
 * A second start on a data folder that a running program already has open. {@link #shownOther()} says whether
 * the running window confirmed that it came to the front, so a second window can quietly step back.
 */
public final class InstanceLockException extends UserException {
    private static final long serialVersionUID = 1L;
    private final boolean shownOther;

    InstanceLockException(String dataDir, boolean shownOther) {
        super("instance.error.running", dataDir);
        this.shownOther = shownOther;
    }

    public boolean shownOther() {
        return shownOther;
    }
}
