package org.caredesk.security;

import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.Problem;

/**
 * What a password must be: at least {@value #MIN_LENGTH} characters, with at least {@value #MIN_CLASSES} of the
 * four kinds lower-case letter, capital letter, digit and anything else (punctuation, a space, a Chinese character).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 8;
    /** Long enough for a pass phrase; the cap keeps a pasted novel from tying up the hashing. */
    public static final int MAX_LENGTH = 128;
    public static final int MIN_CLASSES = 3;

    private PasswordPolicy() {}

    /**
     * The problems of a password, reported under {@code field}; empty when it is acceptable.
     *
     * @param field the form field the problems belong to (e.g. {@code newPassword})
     */
    public static List<Problem> check(String field, char[] password) {
        List<Problem> problems = new ArrayList<>();
        char[] text = password == null ? new char[0] : password;
        int length = Character.codePointCount(text, 0, text.length);
        if (length == 0) {
            problems.add(Problem.error(field, "problem.password.required"));
            return problems;
        }
        if (length < MIN_LENGTH) {
            problems.add(Problem.error(field, "problem.password.tooShort", String.valueOf(MIN_LENGTH),
                    String.valueOf(length)));
        } else if (length > MAX_LENGTH) {
            problems.add(Problem.error(field, "problem.password.tooLong", String.valueOf(MAX_LENGTH)));
        }
        if (classes(text) < MIN_CLASSES) {
            problems.add(Problem.error(field, "problem.password.classes", String.valueOf(MIN_CLASSES)));
        }
        return problems;
    }

    /** How many of the four kinds of character the text uses. */
    static int classes(char[] text) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < text.length; ) {
            int c = Character.codePointAt(text, i);
            i += Character.charCount(c);
            // Only ASCII letters and digits count as such: a full-width "Ａ" typed with a Chinese input method
            // is a different character from "A", so it counts as "other", like the Chinese characters themselves.
            if (c >= 'a' && c <= 'z') {
                lower = true;
            } else if (c >= 'A' && c <= 'Z') {
                upper = true;
            } else if (c >= '0' && c <= '9') {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
