package org.caredesk.people.service;

import java.util.Locale;
import org.caredesk.common.Pinyin;
import org.caredesk.common.Text;

/**
 * Builds the search haystack stored with each person and normalises what the user types, so both sides of the
 * LIKE agree: lower case, half-width, no spaces or dashes.
 */
public final class SearchText {
    private static final char SEP = '|';

    private SearchText() {}

    public static String haystack(String name, Pinyin.Spellings spellings, String idNumber, String phone1,
            String phone2) {
        StringBuilder b = new StringBuilder(160);
        b.append(normaliseName(name).toLowerCase(Locale.ROOT));
        for (String s : spellings.full()) {
            b.append(SEP).append(s);
        }
        for (String s : spellings.initials()) {
            b.append(SEP).append(s);
        }
        b.append(SEP).append(idNumber == null ? "" : idNumber.toLowerCase(Locale.ROOT));
        if (phone1 != null) {
            b.append(SEP).append(phone1);
        }
        if (phone2 != null) {
            b.append(SEP).append(phone2);
        }
        return b.toString();
    }

    /** What the user typed, in the haystack's form; empty when nothing searchable is left. */
    public static String needle(String typed) {
        if (typed == null) {
            return "";
        }
        String s = Text.halfWidth(typed).toLowerCase(Locale.ROOT);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '-' || c == SEP || c == '\'') {
                continue;
            }
            // A dot typed on an English keyboard stands for the middle dot of names such as 买买提·艾力.
            b.append(c == '.' ? '\u00B7' : c);
        }
        return normaliseName(b.toString());
    }

    /** The middle dot of names such as 买买提·艾力 comes in several look-alikes; store and search one. */
    public static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        return name.replace('\u2022', '\u00B7').replace('\u30FB', '\u00B7').replace('\u2027', '\u00B7')
                .replace('\uFF0E', '\u00B7').replace('\u2219', '\u00B7').replace('\u22C5', '\u00B7')
                .replace('\uFF65', '\u00B7');
    }
}
