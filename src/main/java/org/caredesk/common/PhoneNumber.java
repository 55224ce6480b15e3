package org.caredesk.common;

import java.util.regex.Pattern;

/** Mainland mobile numbers: 1[3-9] and 9 more digits, after stripping spaces, dashes and +86. */
public final class PhoneNumber {
    private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

    private PhoneNumber() {}

    public static String normalise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = Text.halfWidth(raw).replaceAll("[\\s\\-()]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.startsWith("86") && s.length() == 13) {
            s = s.substring(2);
        }
        return s;
    }

    public static boolean isValid(String raw) {
        return MOBILE.matcher(normalise(raw)).matches();
    }

    /** 138****8000. */
    public static String mask(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        if (s.length() < 8) {
            return "*".repeat(s.length());
        }
        return s.substring(0, 3) + "*".repeat(s.length() - 7) + s.substring(s.length() - 4);
    }
}
