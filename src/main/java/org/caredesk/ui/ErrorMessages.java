package org.caredesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.caredesk.common.FailureKind;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;

/** Turns any failure into one sentence for the user; details stay in the log. */
public final class ErrorMessages {
    /** Causes looked at, at most: a cause chain may loop. */
    private static final int MAX_DEPTH = 50;

    private ErrorMessages() {}

    public static String of(Throwable t) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause()) {
            if (c instanceof UserException u) {
                return u.localized();
            }
        }
        switch (FailureKind.of(t)) {
            case OUT_OF_MEMORY:
                // The work's transaction was rolled back with the error; what was saved before is untouched.
                return I18n.get("error.outOfMemory");
            case DISK_FULL:
                // A failed write leaves the database at its last commit; H2 closes it, hence "start again".
                return I18n.get("error.diskFull");
            case NOT_WRITABLE:
                String file = FailureKind.file(t);
                return file == null ? I18n.get("error.notWritable") : I18n.get("error.notWritableFile", file);
            case TOO_LARGE:
                return I18n.get("error.tooLarge");
            default:
                break;
        }
        if (databaseWriteFailed(t)) {
            return I18n.get("error.writeFailed");
        }
        c = t;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause()) {
            if (c instanceof IOException || c instanceof UncheckedIOException) {
                return I18n.get("error.io", c.getMessage() == null ? "" : c.getMessage());
            }
        }
        return I18n.get("error.unexpected");
    }

    static boolean diskFull(Throwable t) {
        return FailureKind.of(t) == FailureKind.DISK_FULL;
    }

    /** H2's store says "Writing to FILE failed; ..." when the operating system refused a write. */
    static boolean databaseWriteFailed(Throwable t) {
        Throwable c = t;
        for (int depth = 0; c != null && depth < MAX_DEPTH; depth++, c = c.getCause()) {
            String message = c.getMessage();
            if (message != null && message.contains("Writing to ") && message.contains(" failed")) {
                return true;
            }
        }
        return false;
    }
}
