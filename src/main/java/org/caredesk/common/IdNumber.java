package org.caredesk.common;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The 18-character resident ID number of GB 11643-1999: 17 digits and a check character. Holds only normalised,
 * checked numbers; {@link #check} says what is wrong with anything else.
 */
public final class IdNumber {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CHECK_CHARS = "10X98765432";
    /** Born before this year is accepted with a warning: likely a typing mistake, but not impossible data. */
    public static final int OLD_BIRTH_YEAR = 1900;

    public enum Problem { EMPTY, LENGTH, CHARACTERS, BIRTH_DATE, FUTURE_BIRTH_DATE, CHECKSUM }

    /** Outcome of a check: the normalised text, and either a problem or a valid number (maybe with a warning). */
    public record Check(String normalised, Problem problem, boolean oldBirthWarning) {
        public boolean valid() {
            return problem == null;
        }
    }

    private IdNumber() {}

    /** Full-width digits to ASCII, lower-case x to X, spaces removed. */
    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Text.halfWidth(raw).replaceAll("\\s+", "");
        return s.replace('x', 'X');
    }

    public static Check check(String raw, LocalDate today) {
        String s = normalise(raw);
        if (s.isEmpty()) {
            return new Check(s, Problem.EMPTY, false);
        }
        if (s.length() != 18) {
            return new Check(s, Problem.LENGTH, false);
        }
        for (int i = 0; i < 17; i++) {
            if (!isAsciiDigit(s.charAt(i))) {
                return new Check(s, Problem.CHARACTERS, false);
            }
        }
        char last = s.charAt(17);
        if (!isAsciiDigit(last) && last != 'X') {
            return new Check(s, Problem.CHARACTERS, false);
        }
        Optional<LocalDate> birth = parseBirth(s);
        if (birth.isEmpty()) {
            return new Check(s, Problem.BIRTH_DATE, false);
        }
        if (!birth.get().isBefore(today)) {
            return new Check(s, Problem.FUTURE_BIRTH_DATE, false);
        }
        if (checkChar(s.substring(0, 17)) != last) {
            return new Check(s, Problem.CHECKSUM, false);
        }
        return new Check(s, null, birth.get().getYear() < OLD_BIRTH_YEAR);
    }

    public static boolean isValid(String raw, LocalDate today) {
        return check(raw, today).valid();
    }

    /** The check character for the first 17 digits. */
    public static char checkChar(String first17) {
        if (first17.length() != 17) {
            throw new IllegalArgumentException("need 17 digits");
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARS.charAt(sum % 11);
    }

    /** Birth date from digits 7–14 of a normalised 18-character number. */
    public static Optional<LocalDate> parseBirth(String s) {
        if (s == null || s.length() < 14) {
            return Optional.empty();
        }
        try {
            int y = Integer.parseInt(s.substring(6, 10));
            int m = Integer.parseInt(s.substring(10, 12));
            int d = Integer.parseInt(s.substring(12, 14));
            return Optional.of(LocalDate.of(y, m, d));
        } catch (NumberFormatException | DateTimeException e) {
            return Optional.empty();
        }
    }

    /** Digit 17 odd means male, even female. */
    public static Sex sex(String s) {
        return (s.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** Masks all but the first 3 and last 4 characters: 110***********002X. */
    public static String mask(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (s.length() <= 7) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
