package org.caredesk.common;

import java.util.List;

/**
 * One thing wrong with some input: which field, and an i18n key with arguments saying what is wrong. The form
 * shows it next to the field; the importer adds the row number and maps the field to its column header.
 *
 * @param field   a field name from the record being checked (e.g. {@code idNumber}), never shown as is
 * @param key     i18n key of the sentence
 * @param warning true for something suspicious but allowed (e.g. a birth year before 1900)
 */
public record Problem(String field, String key, List<Object> args, boolean warning) {
    public Problem {
        args = List.copyOf(args);
    }

    public static Problem error(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args), false);
    }

    public static Problem warning(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args), true);
    }

    public String localized() {
        return I18n.get(key, args.toArray());
    }
}
