package org.caredesk.users.ui;

import java.time.Clock;
import java.time.Instant;
import org.caredesk.db.Database;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.SecuritySettings;
import org.caredesk.users.data.UserRepository;
import org.caredesk.users.service.UserService;

/** Accounts on a fresh in-memory database for the view-model tests, with a fast password hash. */
final class TestUsers implements AutoCloseable {
    static final String ADMIN_PW = "Admin2025!";
    static final String PW = "Desk2025!";

    final Database db = Database.openInMemory();
    final UserService service;
    final Session admin = new Session();

    TestUsers(Clock clock) {
        service = new UserService(db.dsl(), new UserRepository(), new PasswordHasher(1_000),
                () -> SecuritySettings.DEFAULTS, clock, PasswordListener.NONE);
        UserIdentity a = service.createFirstAdministrator("admin", "王主任", ADMIN_PW.toCharArray());
        admin.login(a, Instant.EPOCH);
    }

    @Override
    public void close() {
        db.close();
    }
}
