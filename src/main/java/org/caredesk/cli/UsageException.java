package org.caredesk.cli;

import org.caredesk.common.UserException;

/** The command line was typed wrong: exit code 2, the sentence, and a hint to read --help. */
final class UsageException extends UserException {
    private static final long serialVersionUID = 1L;

    UsageException(String key, Object... args) {
        super(key, args);
    }
}
