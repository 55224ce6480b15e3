package org.caredesk.common;

/**
 * Enums whose values appear in Chinese in files staff exchange (Excel rosters, reports). That text is data, not
 * UI, so it stays Chinese whatever language the screens use.
 */
public interface Chinese {
    String chinese();

    /** Finds the constant whose Chinese name matches, ignoring surrounding spaces; null when none does. */
    static <E extends Enum<E> & Chinese> E fromChinese(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        for (E e : type.getEnumConstants()) {
            if (e.chinese().equals(t)) {
                return e;
            }
        }
        return null;
    }
}
