package org.caredesk.users;

import org.caredesk.security.UserIdentity;

/**
 * A successful login.
 *
 * @param mustChangePassword the password was set by an administrator: ask for a new one before anything else
 */
public record LoginResult(UserIdentity identity, boolean mustChangePassword) {}
