package org.caredesk.security;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/** Sessions logged in with chosen roles, for service tests that are not about who may do what. */
public final class TestSessions {
    private TestSessions() {}

    /** Logged in with the roles given. */
    public static Session with(Set<Role> roles) {
        Session s = new Session();
        s.login(new UserIdentity(UUID.randomUUID(), "tester", "tester", roles), Instant.EPOCH);
        return s;
    }

    public static Session with(Role first, Role... more) {
        return with(EnumSet.of(first, more));
    }

    /**
     * Every role at once, the auditor's included: a combination no account may have, for tests that write people
     * and then read the audit log about it.
     */
    public static Session everything() {
        return with(EnumSet.allOf(Role.class));
    }
}
