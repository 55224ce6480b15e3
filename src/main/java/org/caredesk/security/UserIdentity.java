package org.caredesk.security;

import java.util.Set;
import java.util.UUID;

/** Who is logged in: enough to check permissions and to name the actor in the audit log. */
public record UserIdentity(UUID id, String userName, String displayName, Set<Role> roles) {
    public UserIdentity {
        roles = Set.copyOf(roles);
    }
}
