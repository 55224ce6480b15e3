package org.caredesk.app;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Child process of {@link LoginAttemptsTest}: counts {@code n} wrong passwords for one name in the data folder as
 * fast as it can, as a script typing passwords in parallel with others would. Arguments: folder, name, n.
 */
public final class LoginAttemptsHammer {
    private LoginAttemptsHammer() {}

    public static void main(String[] args) {
        LoginAttempts attempts = new LoginAttempts(Path.of(args[0]), 1_000_000, Duration.ofMinutes(10));
        int n = Integer.parseInt(args[2]);
        for (int i = 0; i < n; i++) {
            attempts.failed(args[1], Instant.now());
        }
    }
}
