package org.caredesk.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private static final int FAST = 1_000;
    private final PasswordHasher hasher = new PasswordHasher(FAST);

    @Test
    void roundTrip_theSamePasswordMatches() {
        PasswordHasher.Hash h = hasher.hash("Spring2025!".toCharArray());

        assertThat(hasher.matches("Spring2025!".toCharArray(), h)).isTrue();
    }

    @Test
    void wrongPassword_doesNotMatch() {
        PasswordHasher.Hash h = hasher.hash("Spring2025!".toCharArray());

        assertThat(hasher.matches("spring2025!".toCharArray(), h)).isFalse();
        assertThat(hasher.matches("Spring2025".toCharArray(), h)).isFalse();
        assertThat(hasher.matches("Spring2025!!".toCharArray(), h)).isFalse();
    }

    @Test
    void hash_isPbkdf2HmacSha256_withA16ByteSaltAnd256BitKey() {
        char[] pw = "Spring2025!".toCharArray();
        PasswordHasher.Hash h = hasher.hash(pw);

        assertThat(h.salt()).hasSize(16);
        assertThat(h.hash()).hasSize(32);
        assertThat(h.iterations()).isEqualTo(FAST);
        // Computed independently through the JDK's own PBKDF2 with the stored salt.
        assertThat(h.hash()).isEqualTo(Pbkdf2.derive(pw, h.salt(), FAST, 256));
    }

    @Test
    void samePasswordTwice_getsDifferentSaltsAndHashes() {
        PasswordHasher.Hash a = hasher.hash("Spring2025!".toCharArray());
        PasswordHasher.Hash b = hasher.hash("Spring2025!".toCharArray());

        assertThat(a.salt()).isNotEqualTo(b.salt());
        assertThat(a.hash()).isNotEqualTo(b.hash());
    }

    @Test
    void hashMadeWithAnotherWorkFactor_stillVerifies_andIsReportedOutdated() {
        PasswordHasher old = new PasswordHasher(500);
        PasswordHasher.Hash h = old.hash("Spring2025!".toCharArray());

        assertThat(hasher.matches("Spring2025!".toCharArray(), h)).isTrue();
        assertThat(hasher.isOutdated(h)).isTrue();
        assertThat(hasher.isOutdated(hasher.hash("x".toCharArray()))).isFalse();
    }

    @Test
    void productionHasher_usesAtLeast600000Iterations() {
        assertThat(PasswordHasher.standard().iterations()).isEqualTo(Pbkdf2.ITERATIONS).isGreaterThanOrEqualTo(600_000);
    }

    @Test
    void hashRecord_neverPrintsItsBytes() {
        PasswordHasher.Hash h = hasher.hash("Spring2025!".toCharArray());

        assertThat(h.toString()).isEqualTo("Hash[iterations=1000]");
    }

    @Test
    void hashRecord_cannotBeChangedThroughItsArrays() {
        PasswordHasher.Hash h = hasher.hash("Spring2025!".toCharArray());
        h.hash()[0] ^= 1;
        h.salt()[0] ^= 1;

        assertThat(hasher.matches("Spring2025!".toCharArray(), h)).isTrue();
    }
}
