package org.caredesk.users;

import org.caredesk.security.UserIdentity;

/**
 * Told when an account gets a new password or is deactivated, inside the transaction that records it, so that
 * whatever else depends on the password (the database key slot of that user) changes with it; if the listener
 * fails, the change is rolled back.
 */
public interface PasswordListener {
    /** Nothing besides the password hash depends on the password. */
    PasswordListener NONE = new PasswordListener() {};

    /** A new account, a reset or a user's own change: {@code password} is the new password (do not keep it). */
    default void passwordSet(UserIdentity user, char[] password) {}

    /** The account can no longer log in. */
    default void deactivated(UserIdentity user) {}
}
