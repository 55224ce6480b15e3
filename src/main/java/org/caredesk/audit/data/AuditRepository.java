package org.caredesk.audit.data;

import static org.caredesk.db.generated.Tables.AUDIT_HEAD;
import static org.caredesk.db.generated.Tables.AUDIT_LOG;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditPage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.db.TextOrder;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * SQL for the audit log. It can add entries and read them, nothing else: there is deliberately no statement here
 * that changes or removes an entry (a test holds the class to that). The only row it updates is the head, which
 * moves forward with every append.
 */
public final class AuditRepository {
    private static final int HEAD_ID = 1;

    /** The number and hash of the last entry the program wrote. */
    public record Head(long lastSeq, String lastHash) {}

    /**
     * Reads the head and locks it until the transaction ends, so appends from concurrent transactions take their
     * numbers one after the other.
     *
     * @throws IllegalStateException when the head row is missing (removed behind the program's back)
     */
    public Head lockHead(DSLContext tx) {
        return tx.select(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH).from(AUDIT_HEAD)
                .where(AUDIT_HEAD.ID.eq(HEAD_ID)).forUpdate()
                .fetchOptional(r -> new Head(r.value1(), r.value2()))
                .orElseThrow(() -> new IllegalStateException("The audit log's head row is missing"));
    }

    /** Adds entries (already numbered and hashed) and moves the head to the last of them. */
    public void append(DSLContext tx, List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // One prepared statement, executed as a JDBC batch: an import appends one entry per person.
        var batch = tx.batch(tx.insertInto(AUDIT_LOG, AUDIT_LOG.ID, AUDIT_LOG.SEQ, AUDIT_LOG.LOGGED_AT,
                AUDIT_LOG.USER_NAME, AUDIT_LOG.ACTION, AUDIT_LOG.OBJECT_TYPE, AUDIT_LOG.OBJECT_ID,
                AUDIT_LOG.OBJECT_LABEL, AUDIT_LOG.DETAIL, AUDIT_LOG.OUTCOME, AUDIT_LOG.PREV_HASH, AUDIT_LOG.ENTRY_HASH)
                .values((UUID) null, null, null, null, null, null, null, null, null, null, null, null));
        for (AuditEntry e : entries) {
            batch = batch.bind(e.id(), e.seq(), e.loggedAt(), e.userName(), e.action(), e.objectType(), e.objectId(),
                    e.objectLabel(), e.detail(), e.outcome(), e.prevHash(), e.entryHash());
        }
        batch.execute();
        AuditEntry last = entries.get(entries.size() - 1);
        tx.update(AUDIT_HEAD).set(AUDIT_HEAD.LAST_SEQ, last.seq()).set(AUDIT_HEAD.LAST_HASH, last.entryHash())
                .where(AUDIT_HEAD.ID.eq(HEAD_ID)).execute();
    }

    /** Receives the head and then every entry in order, all read as of one moment. */
    public interface ChainReader {
        void head(Head head);

        void entry(AuditEntry entry);
    }

    /**
     * The head and every entry by number, from a single statement, so that entries appended meanwhile cannot make
     * the head and the entries disagree. Entries stream from a cursor: the log may be long.
     *
     * @return false when the head row is missing; the reader then got nothing
     */
    public boolean readChain(DSLContext dsl, ChainReader reader) {
        List<org.jooq.Field<?>> fields = new ArrayList<>(List.of(AUDIT_HEAD.LAST_SEQ, AUDIT_HEAD.LAST_HASH));
        fields.addAll(List.of(AUDIT_LOG.fields()));
        boolean headSeen = false;
        try (var cursor = dsl.select(fields).from(AUDIT_HEAD).leftJoin(AUDIT_LOG).on(DSL.trueCondition())
                .where(AUDIT_HEAD.ID.eq(HEAD_ID)).orderBy(AUDIT_LOG.SEQ).fetchSize(500).fetchLazy()) {
            for (Record r : cursor) {
                if (!headSeen) {
                    reader.head(new Head(r.get(AUDIT_HEAD.LAST_SEQ), r.get(AUDIT_HEAD.LAST_HASH)));
                    headSeen = true;
                }
                if (r.get(AUDIT_LOG.ID) != null) {
                    reader.entry(toEntry(r));
                }
            }
        }
        return headSeen;
    }

    /** Every entry by number (used when the head is missing). */
    public void forEachInOrder(DSLContext dsl, Consumer<AuditEntry> consumer) {
        try (var cursor = dsl.selectFrom(AUDIT_LOG).orderBy(AUDIT_LOG.SEQ).fetchSize(500).fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(toEntry(r));
            }
        }
    }

    public AuditPage search(DSLContext dsl, AuditQuery q) {
        Condition where = conditions(q);
        long total = dsl.fetchCount(AUDIT_LOG, where);
        List<AuditEntry> entries = dsl.selectFrom(AUDIT_LOG).where(where).orderBy(AUDIT_LOG.SEQ.desc())
                .limit(q.limit()).offset(q.offset()).fetch(AuditRepository::toEntry);
        return new AuditPage(entries, q.offset(), total);
    }

    /** Every entry matching the filter (paging ignored), oldest first, streamed. */
    public void forEachMatching(DSLContext dsl, AuditQuery q, Consumer<AuditEntry> consumer) {
        try (var cursor = dsl.selectFrom(AUDIT_LOG).where(conditions(q)).orderBy(AUDIT_LOG.SEQ).fetchSize(500)
                .fetchLazy()) {
            for (Record r : cursor) {
                consumer.accept(toEntry(r));
            }
        }
    }

    public long countMatching(DSLContext dsl, AuditQuery q) {
        return dsl.fetchCount(AUDIT_LOG, conditions(q));
    }

    /** The entries about one object with one of the given actions, newest first. */
    public List<AuditEntry> history(DSLContext dsl, AuditObjectType type, String objectId,
            Collection<String> actions) {
        return dsl.selectFrom(AUDIT_LOG).where(AUDIT_LOG.OBJECT_TYPE.eq(type.name()))
                .and(AUDIT_LOG.OBJECT_ID.eq(objectId)).and(AUDIT_LOG.ACTION.in(actions))
                .orderBy(AUDIT_LOG.SEQ.desc()).fetch(AuditRepository::toEntry);
    }

    /** Everyone who has an entry, by name: the choices of the user filter. */
    public List<String> userNames(DSLContext dsl) {
        return dsl.select(AUDIT_LOG.USER_NAME).from(AUDIT_LOG).groupBy(AUDIT_LOG.USER_NAME)
                .orderBy(TextOrder.binary(AUDIT_LOG.USER_NAME)).fetch(AUDIT_LOG.USER_NAME);
    }

    private static Condition conditions(AuditQuery q) {
        List<Condition> c = new ArrayList<>();
        if (q.from() != null) {
            c.add(AUDIT_LOG.LOGGED_AT.ge(q.from().atStartOfDay()));
        }
        if (q.to() != null) {
            c.add(AUDIT_LOG.LOGGED_AT.lt(q.to().plusDays(1).atStartOfDay()));
        }
        if (q.user() != null) {
            c.add(AUDIT_LOG.USER_NAME.eq(q.user()));
        }
        if (q.action() != null) {
            c.add(AUDIT_LOG.ACTION.eq(q.action().name()));
        }
        if (q.text() != null) {
            c.add(AUDIT_LOG.OBJECT_LABEL.containsIgnoreCase(q.text()));
        }
        return DSL.and(c);
    }

    private static AuditEntry toEntry(Record r) {
        return new AuditEntry(r.get(AUDIT_LOG.ID), r.get(AUDIT_LOG.SEQ), r.get(AUDIT_LOG.LOGGED_AT),
                r.get(AUDIT_LOG.USER_NAME), r.get(AUDIT_LOG.ACTION), r.get(AUDIT_LOG.OBJECT_TYPE),
                r.get(AUDIT_LOG.OBJECT_ID), r.get(AUDIT_LOG.OBJECT_LABEL), r.get(AUDIT_LOG.DETAIL),
                r.get(AUDIT_LOG.OUTCOME), r.get(AUDIT_LOG.PREV_HASH), r.get(AUDIT_LOG.ENTRY_HASH));
    }
}
