package org.caredesk.security;

/**
 * Password hashes for the login: PBKDF2-HMAC-SHA256 ({@link Pbkdf2}) with a fresh random salt per hash. The
 * iteration count is stored with each hash, so a hash made with an older, lower count still verifies and
 * {@link #isOutdated} says when to re-hash it at the next successful login.
 */
public final class PasswordHasher {
    public static final int HASH_BITS = 256;

    private final int iterations;

    /**
     * @param iterations the work factor for new hashes: {@link Pbkdf2#ITERATIONS} in the program; tests pass a small
     *                   count to stay fast
     */
    public PasswordHasher(int iterations) {
        if (iterations < 1) {
            throw new IllegalArgumentException("iterations must be positive: " + iterations);
        }
        this.iterations = iterations;
    }

    /** The production hasher. */
    public static PasswordHasher standard() {
        return new PasswordHasher(Pbkdf2.ITERATIONS);
    }

    /** A stored hash: salt, derived key and the work factor it was made with. */
    public record Hash(byte[] salt, byte[] hash, int iterations) {
        public Hash {
            salt = salt.clone();
            hash = hash.clone();
        }

        @Override
        public byte[] salt() {
            return salt.clone();
        }

        @Override
        public byte[] hash() {
            return hash.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Hash h && iterations == h.iterations && java.util.Arrays.equals(salt, h.salt)
                    && java.util.Arrays.equals(hash, h.hash);
        }

        @Override
        public int hashCode() {
            return 31 * java.util.Arrays.hashCode(salt) + java.util.Arrays.hashCode(hash) + iterations;
        }

        @Override
        public String toString() {
            // Never print the hash itself, not even into a log.
            return "Hash[iterations=" + iterations + "]";
        }
    }

    public int iterations() {
        return iterations;
    }

    /** Hashes a password with a new random salt. The caller still owns (and should wipe) the password array. */
    public Hash hash(char[] password) {
        byte[] salt = Pbkdf2.randomBytes(Pbkdf2.SALT_BYTES);
        byte[] derived = Pbkdf2.derive(password, salt, iterations, HASH_BITS);
        try {
            return new Hash(salt, derived, iterations);
        } finally {
            Pbkdf2.wipe(derived);
        }
    }

    /** Whether a password matches a stored hash; the comparison takes the same time wherever the bytes differ. */
    public boolean matches(char[] password, Hash stored) {
        byte[] expected = stored.hash();
        byte[] derived = Pbkdf2.derive(password, stored.salt(), stored.iterations(), expected.length * 8);
        try {
            return Pbkdf2.same(derived, expected);
        } finally {
            Pbkdf2.wipe(derived);
            Pbkdf2.wipe(expected);
        }
    }

    /**
     * Spends the same time as checking a password, with nothing to check it against: a login with an unknown user
     * name then takes as long as one with a wrong password, so timing does not tell which names exist.
     */
    public void waste(char[] password) {
        Pbkdf2.wipe(Pbkdf2.derive(password, new byte[Pbkdf2.SALT_BYTES], iterations, HASH_BITS));
    }

    /** Whether a stored hash was made with a lower work factor than this hasher's. */
    public boolean isOutdated(Hash stored) {
        return stored.iterations() < iterations;
    }
}
