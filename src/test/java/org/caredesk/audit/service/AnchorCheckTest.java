package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.caredesk.audit.AuditEntry;
import org.caredesk.common.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain compared with anchors kept outside the database (decision 0019), on a log made up here. */
class AnchorCheckTest {
    private static final LocalDateTime T0 = LocalDateTime.of(2026, 12, 1, 9, 0);

    @BeforeEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    private static AuditEntry entry(long seq, String action, String hash) {
        return new AuditEntry(UUID.randomUUID(), seq, T0.plusMinutes(seq), "admin", action, null, null, null, null,
                "SUCCESS", "p", hash);
    }

    private static List<AuditEntry> log(int n) {
        List<AuditEntry> log = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            log.add(entry(i, "LOGIN", "h" + i));
        }
        return log;
    }

    private static AnchorCheck.Finding check(List<AuditEntry> log, ChainAnchor anchor) {
        return AnchorCheck.check(List.of(anchor), c -> log.forEach(c)).get(0);
    }

    private static ChainAnchor anchor(long seq, String hash, int minute) {
        return new ChainAnchor(seq, hash, T0.plusMinutes(minute), "备份 b.zip");
    }

    @Test
    void theAnchoredEntryWithItsHash_matches() {
        assertThat(check(log(5), anchor(3, "h3", 3)).outcome()).isEqualTo(AnchorCheck.Outcome.MATCHES);
    }

    @Test
    void aLogEndingBeforeTheAnchor_wasCutOff() {
        AnchorCheck.Finding f = check(log(5), anchor(8, "h8", 8));

        assertThat(f.problem()).isTrue();
        assertThat(f.sentence()).isEqualTo("审计日志比备份 b.zip里记录的短：第 5 条以后的记录不见了（备份 b.zip记录到第 8 条）。");
    }

    @Test
    void aRewrittenEntry_differs() {
        List<AuditEntry> log = log(5);
        log.set(2, entry(3, "LOGIN", "forged"));

        AnchorCheck.Finding f = check(log, anchor(3, "h3", 3));

        assertThat(f.outcome()).isEqualTo(AnchorCheck.Outcome.DIFFERS);
        assertThat(f.sentence()).isEqualTo("审计日志的第 3 条记录与备份 b.zip里记录的不同：这条记录或它之前的记录被换过。");
    }

    @Test
    void anAnchorFromBeforeARestore_pastTheRestoreEntry_isNotCompared() {
        List<AuditEntry> log = log(3);
        log.add(entry(4, "RESTORE", "r4"));

        AnchorCheck.Finding f = check(log, anchor(6, "old6", 3));

        assertThat(f.outcome()).isEqualTo(AnchorCheck.Outcome.BEFORE_RESTORE);
        assertThat(f.problem()).isFalse();
    }

    @Test
    void anAnchorFromAfterARestore_isCompared() {
        List<AuditEntry> log = log(3);
        log.add(entry(4, "RESTORE", "r4"));

        assertThat(check(log, anchor(6, "h6", 30)).outcome()).isEqualTo(AnchorCheck.Outcome.CUT_OFF);
    }

    @Test
    void theLine_isFoundAgainInAnyText() {
        ChainAnchor a = new ChainAnchor(42, "ab".repeat(32), T0, "");

        assertThat(ChainAnchor.find("月报……\n" + a.line() + "\n……", "月报")).get()
                .satisfies(found -> {
                    assertThat(found.seq()).isEqualTo(42);
                    assertThat(found.hash()).isEqualTo("ab".repeat(32));
                    assertThat(found.at()).isEqualTo(T0);
                });
        assertThat(ChainAnchor.find("no anchor here", "x")).isEmpty();
    }
}
