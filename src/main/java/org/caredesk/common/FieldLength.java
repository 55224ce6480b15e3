package org.caredesk.common;

import java.util.List;

/** The length check every form's service repeats on its free-text fields. */
public final class FieldLength {
    private FieldLength() {}

    /** Adds "<label> is longer than <max> characters" for {@code field} when the value is too long. */
    public static void check(List<Problem> problems, String field, String labelKey, String value, int max) {
        if (value != null && value.length() > max) {
            problems.add(Problem.error(field, "problem.tooLong", new I18n.Key(labelKey), String.valueOf(max)));
        }
    }
}
