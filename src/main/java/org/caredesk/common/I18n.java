package org.caredesk.common;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The one door to user-visible text. Bundles are UTF-8 properties under {@code i18n/messages}; Chinese is the
 * default. The locale is chosen once at start (from the settings) and can be switched for the next views built.
 */
public final class I18n {
    public static final String BUNDLE = "i18n.messages";
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;

    private static volatile Locale locale = CHINESE;
    private static volatile ResourceBundle bundle = load(CHINESE);

    private I18n() {}

    private static ResourceBundle load(Locale l) {
        // No fallback to the JVM's default locale: an English-speaking machine must still start in Chinese.
        return ResourceBundle.getBundle(BUNDLE, l, ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static void setLocale(Locale l) {
        Locale chosen = ENGLISH.getLanguage().equals(l.getLanguage()) ? ENGLISH : CHINESE;
        bundle = load(chosen);
        locale = chosen;
    }

    public static Locale locale() {
        return locale;
    }

    public static ResourceBundle bundle() {
        return bundle;
    }

    public static boolean has(String key) {
        return bundle.containsKey(key);
    }

    /** An argument that is itself a text key, resolved when the sentence is built (in the language of that moment). */
    public record Key(String key) {
        @Override
        public String toString() {
            return get(key);
        }
    }

    /** The text for a key, formatted with MessageFormat when arguments are given. */
    public static String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            return "!" + key + "!";
        }
        if (args == null || args.length == 0) {
            return pattern;
        }
        Object[] resolved = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            resolved[i] = args[i] instanceof Key k ? get(k.key()) : args[i];
        }
        return new MessageFormat(pattern, locale).format(resolved);
    }

    /** The display name of an enum constant: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public static String label(Enum<?> value) {
        if (value == null) {
            return "";
        }
        return get(enumKey(value));
    }

    public static String enumKey(Enum<?> value) {
        return "enum." + value.getDeclaringClass().getSimpleName() + "." + value.name();
    }
}
