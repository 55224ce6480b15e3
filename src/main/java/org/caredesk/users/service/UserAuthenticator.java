package org.caredesk.users.service;

import java.time.Clock;
import java.time.LocalDateTime;
import org.caredesk.security.Session;
import org.caredesk.users.Authenticator;
import org.caredesk.users.LoginResult;

/**
 * Logs in against the accounts of an open database: checks the password through {@link UserService} and starts the
 * session. Also the check when an idle session asks for the password again.
 */
public final class UserAuthenticator implements Authenticator {
    private final UserService users;
    private final Session session;
    private final Clock clock;

    public UserAuthenticator(UserService users, Session session, Clock clock) {
        this.users = users;
        this.session = session;
        this.clock = clock;
    }

    @Override
    public LoginResult login(String userName, char[] password) {
        LoginResult result = users.authenticate(userName, password, LocalDateTime.now(clock));
        session.login(result.identity(), clock.instant());
        return result;
    }
}
