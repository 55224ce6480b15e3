package org.caredesk.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.caredesk.common.I18n;
import org.caredesk.common.UserException;

/** Turns any failure into one sentence for the user; details stay in the log. */
public final class ErrorMessages {
    private ErrorMessages() {}

    public static String of(Throwable t) {
        Throwable c = t;
        while (c != null) {
            if (c instanceof UserException u) {
                return u.localized();
            }
            c = c.getCause();
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
}
