package org.caredesk.common;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Pinyin spellings of a name for search: 张三丰 → full {@code zhangsanfeng}, initials {@code zsf}. Characters with
 * several readings (曾 zeng/ceng, 单 shan/dan) give several spellings, capped so a long name cannot explode.
 */
public final class Pinyin {
    private static final int MAX_VARIANTS = 8;
    private static final HanyuPinyinOutputFormat FORMAT = new HanyuPinyinOutputFormat();
    /**
     * Surnames read differently from the character's most common reading (曾 is zēng as a surname, not céng).
     * The first spelling is the one the list sorts by, so a name's first character gets its surname reading.
     */
    private static final Map<Character, String> SURNAME_READINGS = Map.ofEntries(
            Map.entry('曾', "zeng"), Map.entry('单', "shan"), Map.entry('仇', "qiu"), Map.entry('解', "xie"),
            Map.entry('区', "ou"), Map.entry('朴', "piao"), Map.entry('查', "zha"), Map.entry('盖', "ge"),
            Map.entry('乐', "yue"), Map.entry('缪', "miao"), Map.entry('覃', "qin"), Map.entry('折', "she"),
            Map.entry('召', "shao"), Map.entry('种', "chong"), Map.entry('员', "yun"), Map.entry('句', "gou"),
            Map.entry('柏', "bai"), Map.entry('都', "du"), Map.entry('那', "na"), Map.entry('秘', "bi"),
            Map.entry('繁', "po"), Map.entry('祭', "zhai"));

    static {
        FORMAT.setCaseType(HanyuPinyinCaseType.LOWERCASE);
        FORMAT.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
        FORMAT.setVCharType(HanyuPinyinVCharType.WITH_V);
    }

    /** Full spellings (first is the most common reading) and their initials, in the same order. */
    public record Spellings(List<String> full, List<String> initials) {
        public String primaryFull() {
            return full.isEmpty() ? "" : full.get(0);
        }

        public String primaryInitials() {
            return initials.isEmpty() ? "" : initials.get(0);
        }
    }

    private Pinyin() {}

    public static Spellings of(String name) {
        List<String> full = new ArrayList<>(List.of(""));
        List<String> initials = new ArrayList<>(List.of(""));
        if (name != null) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                List<String> readings = readings(c);
                if (readings.isEmpty()) {
                    continue;
                }
                if (full.get(0).isEmpty()) {
                    readings = surnameFirst(c, readings);
                }
                List<String> nextFull = new ArrayList<>();
                List<String> nextInitials = new ArrayList<>();
                for (int v = 0; v < full.size(); v++) {
                    for (String r : readings) {
                        if (nextFull.size() >= MAX_VARIANTS) {
                            break;
                        }
                        nextFull.add(full.get(v) + r);
                        nextInitials.add(initials.get(v) + r.charAt(0));
                    }
                }
                full = nextFull;
                initials = nextInitials;
            }
        }
        return new Spellings(distinct(full), distinct(initials));
    }

    private static List<String> readings(char c) {
        if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
            return List.of(String.valueOf(c));
        }
        if (c >= 'A' && c <= 'Z') {
            return List.of(String.valueOf(Character.toLowerCase(c)));
        }
        if (Character.UnicodeScript.of(c) != Character.UnicodeScript.HAN) {
            return List.of();
        }
        try {
            String[] arr = PinyinHelper.toHanyuPinyinStringArray(c, FORMAT);
            if (arr == null) {
                return List.of();
            }
            Set<String> set = new LinkedHashSet<>();
            for (String s : arr) {
                // pinyin4j spells ü as "u:" in some entries even with WITH_V; search wants plain letters.
                set.add(s.replace("u:", "v"));
            }
            return new ArrayList<>(set);
        } catch (BadHanyuPinyinOutputFormatCombination e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> surnameFirst(char c, List<String> readings) {
        String surname = SURNAME_READINGS.get(c);
        if (surname == null || !readings.contains(surname)) {
            return readings;
        }
        List<String> ordered = new ArrayList<>(readings.size());
        ordered.add(surname);
        for (String r : readings) {
            if (!r.equals(surname)) {
                ordered.add(r);
            }
        }
        return ordered;
    }

    private static List<String> distinct(List<String> list) {
        return new ArrayList<>(new LinkedHashSet<>(list));
    }
}
