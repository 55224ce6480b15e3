package org.caredesk.common;

import java.util.Arrays;

/**
 * An error the user can act on. It carries an i18n key and arguments, never a finished sentence, so the
 * same failure reads correctly in every language; the log gets the cause.
 */
public class UserException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String key;
    private final transient Object[] args;

    public UserException(String key, Object... args) {
        this(null, key, args);
    }

    public UserException(Throwable cause, String key, Object... args) {
        super(key + Arrays.toString(args), cause);
        this.key = key;
        this.args = args.clone();
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }

    /** The sentence in the current language. */
    public String localized() {
        return I18n.get(key, args);
    }
}
