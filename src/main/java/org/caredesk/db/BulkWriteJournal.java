package org.caredesk.db;

import static org.caredesk.db.generated.Tables.BULK_WRITE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;

/**
 * SQL of the bulk-write journal ({@code bulk_write}, migration V6): a large write is committed in bounded
 * transactions, and this row says whether it got to its end. Portable jOOQ only. The service that writes decides the
 * transactions; every method takes the context to use (docs/decisions/0017).
 */
public final class BulkWriteJournal {
    /** A write that has not reached its end. */
    public record Entry(UUID id, BulkWriteKind kind, String source, int plannedRows, String startedBy,
                        LocalDateTime startedAt) {}

    static final String RUNNING = "RUNNING";
    static final String DONE = "DONE";
    static final String UNDONE = "UNDONE";

    /** Records a write as running; to be committed on its own before the first row of the write. */
    public void start(DSLContext tx, Entry entry) {
        tx.insertInto(BULK_WRITE)
                .set(BULK_WRITE.ID, entry.id())
                .set(BULK_WRITE.KIND, entry.kind().name())
                .set(BULK_WRITE.SOURCE, entry.source())
                .set(BULK_WRITE.PLANNED_ROWS, entry.plannedRows())
                .set(BULK_WRITE.STATE, RUNNING)
                .set(BULK_WRITE.STARTED_BY, entry.startedBy())
                .set(BULK_WRITE.STARTED_AT, entry.startedAt())
                .execute();
    }

    /** The write reached its end: its rows stay. In the same transaction as the write's last step. */
    public void finish(DSLContext tx, UUID id, LocalDateTime at) {
        end(tx, id, DONE, at);
    }

    /** The write's rows were removed again. In the same transaction as the last removal. */
    public void undone(DSLContext tx, UUID id, LocalDateTime at) {
        end(tx, id, UNDONE, at);
    }

    private static void end(DSLContext tx, UUID id, String state, LocalDateTime at) {
        int n = tx.update(BULK_WRITE).set(BULK_WRITE.STATE, state).set(BULK_WRITE.ENDED_AT, at)
                .where(BULK_WRITE.ID.eq(id)).and(BULK_WRITE.STATE.eq(RUNNING)).execute();
        if (n != 1) {
            throw new IllegalStateException("Bulk write " + id + " is not running");
        }
    }

    /** The writes still marked running, oldest first: at start, interrupted ones. */
    public List<Entry> unfinished(DSLContext dsl) {
        return dsl.selectFrom(BULK_WRITE).where(BULK_WRITE.STATE.eq(RUNNING)).orderBy(BULK_WRITE.STARTED_AT)
                .fetch(r -> new Entry(r.getId(), BulkWriteKind.valueOf(r.getKind()), r.getSource(),
                        r.getPlannedRows(), r.getStartedBy(), r.getStartedAt()));
    }

    /** The state of one write (RUNNING, DONE, UNDONE), or null when there is no such write: for tests. */
    public String state(DSLContext dsl, UUID id) {
        return dsl.select(BULK_WRITE.STATE).from(BULK_WRITE).where(BULK_WRITE.ID.eq(id)).fetchOne(BULK_WRITE.STATE);
    }
}
