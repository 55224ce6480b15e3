package org.caredesk.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The words after the command, consumed as a command reads them. Options may come anywhere, as
 * {@code --name value} or {@code --name=value}; whatever is left over when the command is done is a usage error.
 */
final class Args {
    private final String command;
    private final List<String> words;

    Args(String command, List<String> words) {
        this.command = command;
        this.words = new ArrayList<>(words);
    }

    String command() {
        return command;
    }

    /** True, and consumed, when the flag was given. */
    boolean flag(String name) {
        return words.remove(name);
    }

    /** The value of an option, consumed; null when the option is absent. */
    String option(String name) {
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equals(name)) {
                if (i + 1 >= words.size() || words.get(i + 1).startsWith("--")) {
                    throw new UsageException("cli.optionNeedsValue", name);
                }
                words.remove(i);
                return words.remove(i);
            }
            if (w.startsWith(name + "=")) {
                words.remove(i);
                return w.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** A whole number from {@code min} to {@code max}; {@code fallback} when the option is absent. */
    int intOption(String name, int min, int max, Integer fallback) {
        String v = option(name);
        if (v == null) {
            if (fallback == null) {
                throw new UsageException("cli.optionRequired", command, name);
            }
            return fallback;
        }
        long n;
        try {
            n = Long.parseLong(v.replace("_", "").replace(",", ""));
        } catch (NumberFormatException e) {
            throw new UsageException("cli.notANumber", name, v);
        }
        if (n < min || n > max) {
            throw new UsageException("cli.outOfRange", name, String.valueOf(min), String.valueOf(max), v);
        }
        return (int) n;
    }

    long longOption(String name, long fallback) {
        String v = option(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException("cli.notANumber", name, v);
        }
    }

    /** The next word that is not an option; a usage error naming {@code whatKey} when there is none. */
    String word(String whatKey) {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).startsWith("--")) {
                return words.remove(i);
            }
        }
        throw new UsageException("cli.missingArgument", command, new org.caredesk.common.I18n.Key(whatKey));
    }

    /** The next word that is not an option, consumed; null when there is none (optional arguments). */
    String optionalWord() {
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).startsWith("--")) {
                return words.remove(i);
            }
        }
        return null;
    }

    /** The words not read yet. */
    List<String> rest() {
        return List.copyOf(words);
    }

    /** Called when the command has read everything it understands. */
    void finish() {
        if (!words.isEmpty()) {
            throw new UsageException("cli.unexpectedArgument", words.get(0), command);
        }
    }
}
