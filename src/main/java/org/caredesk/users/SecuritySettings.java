package org.caredesk.users;

import java.time.Duration;

/**
 * The numbers of the login rules, stored as settings with the data.
 *
 * @param maxFailedLogins wrong passwords in a row that lock an account
 * @param lockDuration    how long a locked account stays locked
 * @param idleTimeout     how long a session may be left untouched before the password is asked again
 */
public record SecuritySettings(int maxFailedLogins, Duration lockDuration, Duration idleTimeout) {
    public static final SecuritySettings DEFAULTS = new SecuritySettings(5, Duration.ofMinutes(10),
            Duration.ofMinutes(10));
}
