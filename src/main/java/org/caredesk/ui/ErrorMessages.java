package org.caredesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;

/** Turns any failure into one sentence for the user; details stay in the log. */
public final class ErrorMessages {
    /** What Linux, macOS and Windows say when a write finds the disk full. */
    private static final String[] DISK_FULL = {"No space left on device", "not enough space on the disk",
        "There is not enough space"};

    private ErrorMessages() {}

    public static String of(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof UserException u) {
                return u.localized();
            }
            c = c.getCause();
        }
        if (diskFull(t)) {
            // A failed write leaves the database at its last commit; H2 closes it, hence "start again".
            return I18n.get("error.diskFull");
        }
        if (databaseWriteFailed(t)) {
            return I18n.get("error.writeFailed");
        }
        c = t;
        while (c != null) {
            if (c instanceof IOException || c instanceof UncheckedIOException) {
                return I18n.get("error.io", c.getMessage() == null ? "" : c.getMessage());
            }
            c = c.getCause();
        }
        return I18n.get("error.unexpected");
    }

    static boolean diskFull(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = c.getMessage();
            if (message == null) {
                continue;
            }
            for (String words : DISK_FULL) {
                if (message.contains(words)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** H2's store says "Writing to FILE failed; ..." when the operating system refused a write. */
    static boolean databaseWriteFailed(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String message = c.getMessage();
            if (message != null && message.contains("Writing to ") && message.contains(" failed")) {
                return true;
            }
        }
        return false;
    }
}
