package org.caredesk.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * A list of texts (each may be null) as one string, every text preceded by its length: {@code 5:hello~2:ok},
 * where {@code ~} is null. Unlike joining with a separator, no text can be mistaken for the boundary between two
 * others, whatever characters it holds, so an encoded detail decodes to exactly what was written.
 */
final class LengthPrefixed {
    private static final char NULL = '~';
    private static final char COLON = ':';

    private LengthPrefixed() {}

    static String encode(List<String> texts) {
        StringBuilder sb = new StringBuilder();
        for (String t : texts) {
            if (t == null) {
                sb.append(NULL);
            } else {
                sb.append(t.length()).append(COLON).append(t);
            }
        }
        return sb.toString();
    }

    /** @throws IllegalArgumentException when {@code s} is not such an encoding (e.g. edited by hand) */
    static List<String> decode(String s) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            if (s.charAt(i) == NULL) {
                out.add(null);
                i++;
                continue;
            }
            int colon = i;
            while (colon < s.length() && s.charAt(colon) >= '0' && s.charAt(colon) <= '9') {
                colon++;
            }
            if (colon == i || colon - i > 9 || colon >= s.length() || s.charAt(colon) != COLON) {
                throw new IllegalArgumentException("Not a length-prefixed list at " + i);
            }
            int length = Integer.parseInt(s.substring(i, colon));
            int end = colon + 1 + length;
            if (end > s.length()) {
                throw new IllegalArgumentException("Text at " + i + " runs past the end");
            }
            out.add(s.substring(colon + 1, end));
            i = end;
        }
        return out;
    }
}
