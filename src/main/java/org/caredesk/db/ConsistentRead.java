package org.caredesk.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.function.Function;
import org.h2.engine.Constants;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DefaultConnectionProvider;

/**
 * What one screen or report shows at one moment, read in one read-only transaction, so its numbers add up: a save
 * committed meanwhile is in every figure or in none (docs/decisions/0023).
 *
 * <p>The isolation level is the one that gives one snapshot for every table a transaction reads: on H2 (MVStore)
 * {@code SNAPSHOT}, since its {@code REPEATABLE READ} still lets rows inserted meanwhile appear (H2 manual,
 * "Advanced", Transaction Isolation) and its default {@code READ COMMITTED} takes a new snapshot at each
 * statement; on PostgreSQL {@code REPEATABLE READ}, which is a snapshot of the whole database taken at the first
 * statement. The transaction ends with a rollback: it wrote nothing, and on H2, where the read-only flag is only a
 * hint, anything written inside by mistake is gone rather than kept.
 */
public final class ConsistentRead {
    private ConsistentRead() {}

    /**
     * Runs {@code reads} against a context bound to one read-only transaction at the snapshot level. Inside a
     * transaction already open on {@code dsl}, the reads simply join it: it is one transaction already, and its level
     * cannot change in the middle.
     */
    public static <T> T read(DSLContext dsl, Function<DSLContext, T> reads) {
        return dsl.connectionResult(c -> {
            if (!c.getAutoCommit()) {
                return reads.apply(dsl);
            }
            int level = c.getTransactionIsolation();
            boolean readOnly = c.isReadOnly();
            T result;
            try {
                c.setTransactionIsolation(snapshotLevel(dsl.dialect()));
                c.setReadOnly(true);
                c.setAutoCommit(false);
                result = reads.apply(dsl.configuration().derive(new DefaultConnectionProvider(c)).dsl());
            } catch (RuntimeException | Error e) {
                try {
                    restore(c, level, readOnly);
                } catch (RuntimeException r) {
                    e.addSuppressed(r);
                }
                throw e;
            }
            restore(c, level, readOnly);
            return result;
        });
    }

    /** The JDBC isolation level that reads one snapshot of every table on this database. */
    static int snapshotLevel(SQLDialect dialect) {
        return dialect.family() == SQLDialect.H2 ? Constants.TRANSACTION_SNAPSHOT
                : Connection.TRANSACTION_REPEATABLE_READ;
    }

    /** Ends the transaction and gives the connection back to the pool as it was lent. */
    private static void restore(Connection c, int level, boolean readOnly) {
        try {
            c.rollback();
            c.setAutoCommit(true);
            c.setReadOnly(readOnly);
            c.setTransactionIsolation(level);
        } catch (SQLException e) {
            throw new DataAccessException("Could not end a read-only transaction", e);
        }
    }
}
