package org.caredesk.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EntryHashTest {
    private static final UUID ID = UUID.fromString("01890000-0000-7000-8000-000000000001");
    private static final LocalDateTime AT = LocalDateTime.of(2025, 6, 1, 10, 0, 0, 123_000_000);

    private static String hash(String user, String action, String label, String prev) {
        return EntryHash.compute(ID, 1, AT, user, action, "PERSON", "x", label, null, "SUCCESS", prev);
    }

    @Test
    void isSha256Hex_andStable() {
        String h = hash("wang", "LOGIN", "张三丰", EntryHash.GENESIS);

        assertThat(h).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(hash("wang", "LOGIN", "张三丰", EntryHash.GENESIS)).isEqualTo(h);
    }

    @Test
    void movingABoundaryBetweenFields_changesTheHash() {
        assertThat(hash("ab", "c", "x", EntryHash.GENESIS)).isNotEqualTo(hash("a", "bc", "x", EntryHash.GENESIS));
    }

    @Test
    void nullAndEmpty_hashDifferently() {
        assertThat(hash("wang", "LOGIN", null, EntryHash.GENESIS))
                .isNotEqualTo(hash("wang", "LOGIN", "", EntryHash.GENESIS));
    }

    @Test
    void everyFieldCounts() {
        String base = hash("wang", "LOGIN", "张三丰", EntryHash.GENESIS);

        assertThat(hash("wang", "LOGIN", "张三丰", "1".repeat(64))).isNotEqualTo(base);
        assertThat(EntryHash.compute(ID, 2, AT, "wang", "LOGIN", "PERSON", "x", "张三丰", null, "SUCCESS",
                EntryHash.GENESIS)).isNotEqualTo(base);
        assertThat(EntryHash.compute(ID, 1, AT.plusNanos(1_000), "wang", "LOGIN", "PERSON", "x", "张三丰", null,
                "SUCCESS", EntryHash.GENESIS)).isNotEqualTo(base);
        assertThat(EntryHash.compute(ID, 1, AT, "wang", "LOGIN", "PERSON", "x", "张三丰", "T", "SUCCESS",
                EntryHash.GENESIS)).isNotEqualTo(base);
        assertThat(EntryHash.compute(ID, 1, AT, "wang", "LOGIN", "PERSON", "x", "张三丰", null, "FAILURE",
                EntryHash.GENESIS)).isNotEqualTo(base);
    }
}
