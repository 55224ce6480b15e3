package org.caredesk.audit.service;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditPage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.EntryHash;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.Ids;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.jooq.DSLContext;

/**
 * The audit log: entries are appended inside the caller's transaction, so an entry exists exactly when the change
 * it records was committed, and each carries the previous entry's hash. Nothing here edits or removes an entry.
 * Anyone's actions are appended; reading the log (search, export, verify) needs {@link Permission#AUDIT_READ} in the
 * session.
 */
public final class AuditLog {
    private final DSLContext dsl;
    private final AuditRepository repository;
    private final Clock clock;
    private final Session session;

    /** @param session whose permissions decide who reads the log */
    public AuditLog(DSLContext dsl, AuditRepository repository, Clock clock, Session session) {
        this.dsl = dsl;
        this.repository = repository;
        this.clock = clock;
        this.session = session;
    }

    /** Checks that the logged-in user may do something with the log (an export). */
    public void require(Permission permission) {
        session.require(permission);
    }

    /**
     * Appends one entry in the caller's transaction. Call it after the change it records, as the transaction's
     * last write: it locks the log's head until the commit, which makes every other append wait.
     */
    public AuditEntry append(DSLContext tx, AuditEvent event) {
        return appendAll(tx, List.of(event)).get(0);
    }

    /** Appends several entries, in order, in the caller's transaction (an import: one per person). */
    public List<AuditEntry> appendAll(DSLContext tx, List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        AuditRepository.Head head = repository.lockHead(tx);
        LocalDateTime now = EntryHash.truncate(LocalDateTime.now(clock));
        long seq = head.lastSeq();
        String prev = head.lastHash();
        List<AuditEntry> entries = new ArrayList<>(events.size());
        for (AuditEvent e : events) {
            seq++;
            UUID id = Ids.newId();
            String detail = e.detail() == null ? null : e.detail().encode();
            String type = e.objectType() == null ? null : e.objectType().name();
            String hash = EntryHash.compute(id, seq, now, e.actor(), e.action().name(), type, e.objectId(),
                    e.objectLabel(), detail, e.outcome().name(), prev);
            entries.add(new AuditEntry(id, seq, now, e.actor(), e.action().name(), type, e.objectId(),
                    e.objectLabel(), detail, e.outcome().name(), prev, hash));
            prev = hash;
        }
        repository.append(tx, entries);
        return entries;
    }

    /** Records an event that changes no data (a login, an export) in a transaction of its own. */
    public AuditEntry record(AuditEvent event) {
        return dsl.transactionResult(cfg -> append(cfg.dsl(), event));
    }

    /**
     * Walks the chain by number and reports the first problem: an entry whose content no longer matches its
     * hash, missing numbers, an entry the program did not write, a broken link, or entries missing at the end.
     */
    public ChainCheck verify() {
        session.require(Permission.AUDIT_READ);
        return checkChain();
    }

    /**
     * The same walk as {@link #verify()} for the program's own safety checks (after login, and on a backup before
     * it may replace the database), whoever is logged in: its result names an entry's number and time, never what
     * the entry says, so it reveals nothing of the log that only the auditor may read.
     */
    public ChainCheck checkChain() {
        ChainVerifier verifier = new ChainVerifier();
        if (!repository.readChain(dsl, verifier)) {
            long[] count = {0};
            repository.forEachInOrder(dsl, e -> count[0]++);
            return ChainCheck.headMissing(count[0]);
        }
        return verifier.result();
    }

    /**
     * The head now, as an anchor to write outside the database: a backup's manifest, an export, a report. A report
     * adds {@code anchor(...).line()} so that {@code audit verify} can later compare the log with it.
     */
    public ChainAnchor anchor(String source) {
        AuditRepository.Head head = dsl.transactionResult(cfg -> repository.lockHead(cfg.dsl()));
        return new ChainAnchor(head.lastSeq(), head.lastHash(), EntryHash.truncate(LocalDateTime.now(clock)),
                source);
    }

    /**
     * Compares the log with anchors kept outside the database, after {@link #verify()}: the chain can be whole and
     * still be missing its newest entries, which only an anchor shows.
     */
    public List<AnchorCheck.Finding> checkAnchors(List<ChainAnchor> anchors) {
        session.require(Permission.AUDIT_READ);
        return AnchorCheck.check(anchors, consumer -> repository.forEachInOrder(dsl, consumer));
    }

    public AuditPage search(AuditQuery query) {
        session.require(Permission.AUDIT_READ);
        return repository.search(dsl, query);
    }

    /** Every entry matching the filter, oldest first (an export). */
    public void forEachMatching(AuditQuery query, Consumer<AuditEntry> consumer) {
        session.require(Permission.AUDIT_READ);
        repository.forEachMatching(dsl, query, consumer);
    }

    public long countMatching(AuditQuery query) {
        session.require(Permission.AUDIT_READ);
        return repository.countMatching(dsl, query);
    }

    /**
     * The entries about one object with one of {@code actions}, newest first. Not checked here: the caller shows
     * them as part of the object (a person's change history) and checks the permission to read that.
     */
    public List<AuditEntry> history(AuditObjectType type, String objectId, Collection<AuditAction> actions) {
        return repository.history(dsl, type, objectId, actions.stream().map(Enum::name).toList());
    }

    /** Everyone who has an entry, by name. */
    public List<String> userNames() {
        session.require(Permission.AUDIT_READ);
        return repository.userNames(dsl);
    }
}
