package org.caredesk.security;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PBKDF2-HMAC-SHA256, the one key-derivation function of the program: password hashes and the keys that wrap the
 * database file key both come from here.
 */
public final class Pbkdf2 {
    /** The production work factor (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). Tests may pass a lower one. */
    public static final int ITERATIONS = 600_000;
    public static final int SALT_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Pbkdf2() {}

    public static byte[] derive(char[] password, byte[] salt, int iterations, int bits) {
        PBEKeySpec spec = new PBEKeySpec(password, salt, iterations, bits);
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    public static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** Compares in constant time, so a timing difference never tells how much of a hash matched. */
    public static boolean same(byte[] a, byte[] b) {
        return java.security.MessageDigest.isEqual(a, b);
    }

    public static void wipe(byte[] b) {
        if (b != null) {
            Arrays.fill(b, (byte) 0);
        }
    }

    public static void wipe(char[] c) {
        if (c != null) {
            Arrays.fill(c, '\0');
        }
    }
}
