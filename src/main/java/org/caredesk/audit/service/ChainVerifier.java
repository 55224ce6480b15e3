package org.caredesk.audit.service;

import java.time.LocalDateTime;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.EntryHash;
import org.caredesk.audit.data.AuditRepository;

/**
 * Checks entries as they stream past, in number order, keeping only the first problem. The head is read first (in
 * the same statement as the entries), so an entry numbered past it is known at once not to be the program's.
 */
final class ChainVerifier implements AuditRepository.ChainReader {
    private AuditRepository.Head head;
    private ChainCheck problem;
    private long entries;
    private long expectedSeq = 1;
    private String previousHash = EntryHash.GENESIS;
    private LocalDateTime previousTime;
    private AuditEntry last;

    @Override
    public void head(AuditRepository.Head h) {
        head = h;
    }

    @Override
    public void entry(AuditEntry e) {
        entries++;
        if (problem == null) {
            problem = check(e);
        }
        expectedSeq = e.seq() + 1;
        previousHash = e.entryHash();
        previousTime = e.loggedAt();
        last = e;
    }

    private ChainCheck check(AuditEntry e) {
        if (e.seq() > head.lastSeq() || e.seq() < expectedSeq) {
            // Past the last number the program wrote, or below 1: the program never numbers an entry so.
            return ChainCheck.inserted(entries, e.seq(), e.loggedAt());
        }
        if (e.seq() > expectedSeq) {
            return ChainCheck.deleted(entries, expectedSeq, e.seq() - 1, previousTime, e.loggedAt());
        }
        if (!EntryHash.of(e).equals(e.entryHash())) {
            return ChainCheck.edited(entries, e.seq(), e.loggedAt());
        }
        if (!previousHash.equals(e.prevHash())) {
            return ChainCheck.brokenLink(entries, e.seq(), e.loggedAt());
        }
        return null;
    }

    ChainCheck result() {
        if (problem != null) {
            return withCount(problem);
        }
        long lastSeq = last == null ? 0 : last.seq();
        if (lastSeq < head.lastSeq()) {
            return ChainCheck.truncated(entries, lastSeq + 1, head.lastSeq());
        }
        if (last != null && !last.entryHash().equals(head.lastHash())) {
            return ChainCheck.replaced(entries, last.seq(), last.loggedAt());
        }
        return ChainCheck.intact(entries);
    }

    /** The problem with the total number of entries read, not the number read when it was found. */
    private ChainCheck withCount(ChainCheck c) {
        return new ChainCheck(c.finding(), entries, c.seq(), c.key(), c.args());
    }
}
