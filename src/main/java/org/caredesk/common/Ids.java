package org.caredesk.common;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Record keys: time-ordered UUIDs (version 7 layout). Two PCs can create them independently without collision, and
 * their time prefix keeps index inserts local, unlike random version-4 keys.
 */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {}

    public static UUID newId() {
        long millis = System.currentTimeMillis();
        long rand = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (rand & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
