package org.caredesk.users;

import java.time.LocalDateTime;
import org.caredesk.common.UserException;

/**
 * A login that was refused, with why: the login window shows the sentence, the audit log records the reason.
 * A wrong password and an unknown user name are the same reason, so nobody learns which names exist.
 */
public final class LoginRefusedException extends UserException {
    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** Unknown user name or wrong password. */
        WRONG_NAME_OR_PASSWORD,
        /** Too many wrong passwords in a row; refused until {@link #lockedUntil()}. */
        LOCKED,
        /** The account was deactivated by an administrator (said only to someone who knows its password). */
        INACTIVE
    }

    private final Reason reason;
    private final LocalDateTime lockedUntil;

    private LoginRefusedException(Reason reason, LocalDateTime lockedUntil, String key, Object... args) {
        super(key, args);
        this.reason = reason;
        this.lockedUntil = lockedUntil;
    }

    public static LoginRefusedException wrongNameOrPassword() {
        return new LoginRefusedException(Reason.WRONG_NAME_OR_PASSWORD, null, "error.login.failed");
    }

    /**
     * @param shownUntil the end of the lock as the user should read it (rounded up to the minute, with the date
     *                   when it is not today)
     */
    public static LoginRefusedException locked(LocalDateTime lockedUntil, String shownUntil, int maxFailedLogins) {
        return new LoginRefusedException(Reason.LOCKED, lockedUntil, "error.login.locked", shownUntil,
                String.valueOf(maxFailedLogins));
    }

    public static LoginRefusedException inactive() {
        return new LoginRefusedException(Reason.INACTIVE, null, "error.login.inactive");
    }

    public Reason reason() {
        return reason;
    }

    /** When a locked account opens again; null for the other reasons. */
    public LocalDateTime lockedUntil() {
        return lockedUntil;
    }
}
