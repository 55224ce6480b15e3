package org.caredesk.users;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;

/**
 * A staff account as the user-management page shows it. The password hash never leaves the repository and the
 * service that checks it.
 *
 * @param lockedUntil        set while the account is locked after too many wrong passwords; null otherwise
 * @param mustChangePassword the password was chosen by an administrator (new account or reset), so the user picks
 *                           their own at the next login
 */
public record User(UUID id, String userName, String displayName, Set<Role> roles, boolean active,
        boolean mustChangePassword, int failedLogins, LocalDateTime lockedUntil, LocalDateTime createdAt,
        LocalDateTime updatedAt) {
    public User {
        roles = Set.copyOf(roles);
    }

    public UserIdentity identity() {
        return new UserIdentity(id, userName, displayName, roles);
    }

    /** Whether the account is locked at {@code now} (an expired lock no longer counts). */
    public boolean isLocked(LocalDateTime now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
