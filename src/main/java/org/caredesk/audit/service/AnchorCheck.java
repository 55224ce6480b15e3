package org.caredesk.audit.service;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.common.I18n;

/**
 * The audit chain compared with anchors kept outside the database. The chain alone cannot show that its newest
 * entries were cut off when the head row was fixed to match; an anchor from a backup or an exported log can: the
 * log must still hold the anchored entry, with the anchored hash.
 *
 * <p>A restore legitimately goes back to an older log: an anchor taken before a recorded restore, at or past the
 * entry that records it, belongs to the history the restore replaced and is not compared (it is said so).
 */
public final class AnchorCheck {
    /** What one anchor showed. */
    public enum Outcome {
        MATCHES,
        /** The log ends before the anchored entry: its newest entries were cut off. */
        CUT_OFF,
        /** The anchored entry is there with another hash: it or an earlier one was rewritten. */
        DIFFERS,
        /** Taken before a restore that replaced that part of the log. */
        BEFORE_RESTORE
    }

    /** One anchor's outcome and its sentence. */
    public record Finding(ChainAnchor anchor, Outcome outcome, String sentence) {
        public boolean problem() {
            return outcome == Outcome.CUT_OFF || outcome == Outcome.DIFFERS;
        }
    }

    private record Restore(long seq, LocalDateTime at) {}

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private final Map<Long, String> hashes = new HashMap<>();
    private final List<Restore> restores = new ArrayList<>();
    private final Set<Long> wanted;
    private long lastSeq;

    private AnchorCheck(List<ChainAnchor> anchors) {
        this.wanted = anchors.stream().map(ChainAnchor::seq).collect(Collectors.toSet());
    }

    /** Reads the log once, oldest first, keeping only the anchored entries' hashes and the restores. */
    static List<Finding> check(List<ChainAnchor> anchors, Consumer<Consumer<AuditEntry>> entries) {
        AnchorCheck c = new AnchorCheck(anchors);
        entries.accept(c::entry);
        List<Finding> findings = new ArrayList<>();
        for (ChainAnchor a : anchors) {
            findings.add(c.finding(a));
        }
        return findings;
    }

    private void entry(AuditEntry e) {
        lastSeq = Math.max(lastSeq, e.seq());
        if (wanted.contains(e.seq())) {
            hashes.put(e.seq(), e.entryHash());
        }
        if (AuditAction.RESTORE.name().equals(e.action()) && AuditOutcome.SUCCESS.name().equals(e.outcome())) {
            restores.add(new Restore(e.seq(), e.loggedAt()));
        }
    }

    private Finding finding(ChainAnchor a) {
        if (a.seq() == 0) {
            // Taken from an empty log: there is nothing it could show missing.
            return new Finding(a, Outcome.MATCHES, I18n.get("audit.anchor.matches", a.source(), "0"));
        }
        String hash = hashes.get(a.seq());
        if (a.hash().equals(hash)) {
            return new Finding(a, Outcome.MATCHES, I18n.get("audit.anchor.matches", a.source(),
                    Long.toString(a.seq())));
        }
        for (Restore r : restores) {
            if (a.seq() >= r.seq() && !a.at().isAfter(r.at())) {
                return new Finding(a, Outcome.BEFORE_RESTORE, I18n.get("audit.anchor.beforeRestore", a.source(),
                        r.at() == null ? "" : SHOWN.format(r.at()), Long.toString(r.seq())));
            }
        }
        if (a.seq() > lastSeq) {
            return new Finding(a, Outcome.CUT_OFF, I18n.get("audit.anchor.cutOff", a.source(),
                    Long.toString(lastSeq), Long.toString(a.seq())));
        }
        return new Finding(a, Outcome.DIFFERS, I18n.get("audit.anchor.differs", a.source(),
                Long.toString(a.seq())));
    }
}
