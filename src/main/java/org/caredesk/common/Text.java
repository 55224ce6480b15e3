package org.caredesk.common;

import java.text.Normalizer;

/** Small text normalisations shared by IDs, phones, names and search. */
public final class Text {
    /** Length at which a value echoed in a message is cut. */
    public static final int ECHO_LENGTH = 50;

    private Text() {}

    /** Full-width ASCII (ＡＢＣ１２３，全角) to half-width, and the ideographic space to a plain space. */
    public static String halfWidth(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                b.append((char) (c - 0xFEE0));
            } else if (c == '\u3000') {
                b.append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Null for null or blank, else stripped, without zero-width characters (U+200B–U+200F, U+2060, U+FEFF, U+061C:
     * invisible, they only make equal names differ) and in Unicode NFC, so "é" typed two ways is stored one way.
     * Control characters and direction overrides are kept, for {@link #forbiddenAt} to refuse them by name.
     */
    public static String clean(String s) {
        if (s == null) {
            return null;
        }
        String t = s;
        if (hasZeroWidth(t)) {
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                if (!isZeroWidth(c)) {
                    b.append(c);
                }
            }
            t = b.toString();
        }
        if (!Normalizer.isNormalized(t, Normalizer.Form.NFC)) {
            t = Normalizer.normalize(t, Normalizer.Form.NFC);
        }
        t = t.strip();
        return t.isEmpty() ? null : t;
    }

    /**
     * The 0-based position of the first character no text field may hold, or -1: control characters (C0 apart
     * from tab and line breaks, DEL, C1) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
     * U+2066–U+2069), which can make "张三" display as another name or hide part of a text.
     */
    public static int forbiddenAt(String s) {
        if (s == null) {
            return -1;
        }
        for (int i = 0; i < s.length(); i++) {
            if (isForbidden(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    static boolean isForbidden(char c) {
        return c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c >= 0x7F && c <= 0x9F
                || c >= '\u202A' && c <= '\u202E' || c >= '\u2066' && c <= '\u2069';
    }

    static boolean isZeroWidth(char c) {
        return c >= '\u200B' && c <= '\u200F' || c == '\u2060' || c == '\uFEFF' || c == '\u061C';
    }

    private static boolean hasZeroWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isZeroWidth(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /**
     * A value as it may be echoed in a message: forbidden characters shown as "?" (so an override cannot reorder
     * the sentence around it) and cut after {@link #ECHO_LENGTH} characters with "…".
     */
    public static String echo(String s) {
        if (s == null) {
            return null;
        }
        String t = s;
        if (forbiddenAt(t) >= 0) {
            StringBuilder b = new StringBuilder(t.length());
            for (int i = 0; i < t.length(); i++) {
                char c = t.charAt(i);
                b.append(isForbidden(c) ? '?' : c);
            }
            t = b.toString();
        }
        if (t.codePointCount(0, t.length()) <= ECHO_LENGTH) {
            return t;
        }
        return t.substring(0, t.offsetByCodePoints(0, ECHO_LENGTH)) + "…";
    }

    public static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
