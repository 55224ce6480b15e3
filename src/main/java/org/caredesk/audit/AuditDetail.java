package org.caredesk.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.caredesk.common.I18n;

/**
 * What an entry says beyond its action and object: a plain text, a sentence from the bundles (key and arguments,
 * shown in the reader's language), or field changes. Stored as one string whose first character names the kind;
 * the rest is {@link LengthPrefixed}, so any text survives the round trip.
 */
public sealed interface AuditDetail {

    /** The stored form; the entry's hash covers exactly this string. */
    String encode();

    /** One line for the reader, in the current language. */
    String display();

    /** The field changes this detail holds; empty for other kinds. */
    default List<FieldChange> changes() {
        return List.of();
    }

    static AuditDetail text(String text) {
        return new Text(text);
    }

    /**
     * A sentence from the bundles. Arguments are kept as text (pass numbers as strings, so that no thousands
     * separator is stored); an {@link I18n.Key} argument is kept as a key and translated when shown.
     */
    static AuditDetail message(String key, Object... args) {
        List<Arg> list = new ArrayList<>();
        for (Object a : args) {
            list.add(a instanceof I18n.Key k ? new Arg(k.key(), true) : new Arg(String.valueOf(a), false));
        }
        return new Message(key, list);
    }

    static AuditDetail changes(List<FieldChange> changes) {
        return new Changes(changes);
    }

    /** Reads a stored detail; a string this program did not write (edited by hand) comes back as plain text. */
    static AuditDetail decode(String stored) {
        if (stored == null) {
            return null;
        }
        if (stored.isEmpty()) {
            return new Text(stored);
        }
        try {
            char kind = stored.charAt(0);
            String rest = stored.substring(1);
            switch (kind) {
                case Text.KIND:
                    return new Text(rest);
                case Message.KIND:
                    return Message.decode(LengthPrefixed.decode(rest));
                case Changes.KIND:
                    return Changes.decode(LengthPrefixed.decode(rest));
                default:
                    return new Text(stored);
            }
        } catch (IllegalArgumentException e) {
            return new Text(stored);
        }
    }

    record Text(String text) implements AuditDetail {
        static final char KIND = 'T';

        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public String encode() {
            return KIND + text;
        }

        @Override
        public String display() {
            return text;
        }
    }

    /** An argument of a {@link Message}: a text, or an i18n key translated when shown. */
    record Arg(String value, boolean key) {}

    record Message(String key, List<Arg> args) implements AuditDetail {
        static final char KIND = 'M';

        public Message {
            Objects.requireNonNull(key, "key");
            args = List.copyOf(args);
        }

        @Override
        public String encode() {
            List<String> parts = new ArrayList<>();
            parts.add(key);
            for (Arg a : args) {
                parts.add(a.key() ? "K" : "T");
                parts.add(a.value());
            }
            return KIND + LengthPrefixed.encode(parts);
        }

        static Message decode(List<String> parts) {
            if (parts.isEmpty() || parts.size() % 2 != 1 || parts.get(0) == null) {
                throw new IllegalArgumentException("Not a message");
            }
            List<Arg> args = new ArrayList<>();
            for (int i = 1; i < parts.size(); i += 2) {
                args.add(new Arg(parts.get(i + 1), kindIsKey(parts.get(i))));
            }
            return new Message(parts.get(0), args);
        }

        @Override
        public String display() {
            Object[] values = new Object[args.size()];
            for (int i = 0; i < values.length; i++) {
                Arg a = args.get(i);
                values[i] = a.key() ? new I18n.Key(a.value()) : a.value();
            }
            return I18n.get(key, values);
        }
    }

    record Changes(List<FieldChange> changes) implements AuditDetail {
        static final char KIND = 'C';

        public Changes {
            changes = List.copyOf(changes);
        }

        @Override
        public String encode() {
            List<String> parts = new ArrayList<>();
            for (FieldChange c : changes) {
                parts.add(c.field());
                parts.add(c.valuesAreKeys() ? "K" : "T");
                parts.add(c.oldValue());
                parts.add(c.newValue());
            }
            return KIND + LengthPrefixed.encode(parts);
        }

        static Changes decode(List<String> parts) {
            if (parts.size() % 4 != 0) {
                throw new IllegalArgumentException("Not a list of changes");
            }
            List<FieldChange> list = new ArrayList<>();
            for (int i = 0; i < parts.size(); i += 4) {
                if (parts.get(i) == null) {
                    throw new IllegalArgumentException("A change without a field");
                }
                list.add(new FieldChange(parts.get(i), parts.get(i + 2), parts.get(i + 3),
                        kindIsKey(parts.get(i + 1))));
            }
            return new Changes(list);
        }

        @Override
        public String display() {
            if (changes.isEmpty()) {
                return I18n.get("audit.detail.noChanges");
            }
            StringBuilder sb = new StringBuilder();
            for (FieldChange c : changes) {
                if (sb.length() > 0) {
                    sb.append(I18n.get("audit.detail.changeSeparator"));
                }
                sb.append(I18n.get("audit.detail.change", c.fieldLabel(), shown(c.oldText()), shown(c.newText())));
            }
            return sb.toString();
        }

        private static String shown(String value) {
            return value.isEmpty() ? I18n.get("audit.detail.empty") : value;
        }
    }

    private static boolean kindIsKey(String kind) {
        if ("K".equals(kind)) {
            return true;
        }
        if ("T".equals(kind)) {
            return false;
        }
        throw new IllegalArgumentException("Unknown value kind " + kind);
    }
}
