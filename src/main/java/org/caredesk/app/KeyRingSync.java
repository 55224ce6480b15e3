package org.caredesk.app;

import org.caredesk.security.KeyRing;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.PasswordListener;

/**
 * Keeps the key ring in step with the accounts: a new account or a new password wraps the file key under that
 * password, a deactivated account loses its slot. Runs inside the account change's transaction, so a key ring
 * that cannot be written rolls the change back and the two never disagree.
 */
final class KeyRingSync implements PasswordListener {
    private final KeyRing ring;
    private final SessionKey key;

    KeyRingSync(KeyRing ring, SessionKey key) {
        this.ring = ring;
        this.key = key;
    }

    @Override
    public void passwordSet(UserIdentity user, char[] password) {
        key.with(fileKey -> {
            if (ring.hasSlot(user.userName())) {
                ring.rewrap(user.userName(), password, fileKey);
            } else {
                ring.addSlot(user.userName(), password, fileKey);
            }
            return null;
        });
    }

    @Override
    public void deactivated(UserIdentity user) {
        ring.removeSlot(user.userName());
    }
}
