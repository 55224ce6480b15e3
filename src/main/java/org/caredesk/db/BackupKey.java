package org.caredesk.db;

import java.util.Optional;

/**
 * Where a restore gets the file key that opens a backup, from the key ring inside the backup: the data folder's own
 * key (a backup of this folder), or a user's password (a backup onto a new PC). See decision 0019.
 */
@FunctionalInterface
public interface BackupKey {
    /**
     * The file key that opens the backup whose key ring holds {@code keyRing} (the file's bytes), as a copy the
     * caller wipes; empty when this key is not the one of that key ring (the backup of another data folder).
     *
     * @throws org.caredesk.common.UserException when the key ring is damaged, or the password given does not open it
     */
    Optional<byte[]> open(byte[] keyRing);
}
