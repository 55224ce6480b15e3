package org.caredesk.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caredesk.db.generated.Tables.PERSON;
import static org.caredesk.db.generated.Tables.PERSON_SCHEDULE;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.caredesk.board.BoardService;
import org.caredesk.board.ColourCount;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.risk.WorkListFilter;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one screen shows at one moment is read in one read-only snapshot: the board's numbers add up while another
 * thread registers people and changes colours, rows committed meanwhile stay out of every table read, and the
 * pooled connection comes back as it was lent.
 */
class ConsistentReadTest {
    private static final int ROUNDS = 150;

    @TempDir
    Path dir;
    private VisitsFixture f;

    @BeforeEach
    void open() {
        f = new VisitsFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    /** The numbers of one board refresh that must agree, as the board's view model reads them. */
    private record Figures(ColourCount everyone, int redListed, int peopleListed) {}

    private static Figures figures(BoardService board) {
        ColourCount everyone = board.colourCounts(WorkListFilter.ALL).stream().filter(c -> c.category() == null)
                .findFirst().orElseThrow();
        int red = board.redPeople(WorkListFilter.ALL, 0, 50).total();
        int all = board.people(WorkListFilter.ALL, null, null, 0, 50).total();
        return new Figures(everyone, red, all);
    }

    @Test
    void boardRead_duringConcurrentWrites_addsUpEveryRound() throws Exception {
        List<Person> people = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            people.add(f.register("老人" + i, VisitsFixture.elderly()));
        }
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger writes = new AtomicInteger();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            for (int i = 0; !stop.get(); i++) {
                Person p = people.get(i % people.size());
                if (i % 3 == 0) {
                    f.register("新人" + i, VisitsFixture.elderly());
                } else if (f.ctx.colours().activeOverride(p.id()).isPresent()) {
                    f.ctx.colours().clearOverride(p.id());
                } else {
                    f.ctx.colours().setOverride(p.id(), RiskColour.RED, "测试", null);
                }
                writes.incrementAndGet();
            }
        });
        List<String> disagreements = new ArrayList<>();
        try {
            Function<BoardService, Figures> refresh = ConsistentReadTest::figures;
            for (int round = 0; round < ROUNDS && !writer.isDone(); round++) {
                Figures s = f.ctx.board().atOneMoment(refresh);
                if (s.everyone().red() != s.redListed() || s.everyone().total() != s.peopleListed()) {
                    disagreements.add("round " + round + ": " + s);
                }
            }
        } finally {
            stop.set(true);
            writer.join();
        }

        assertThat(writes.get()).as("the writer ran alongside").isPositive();
        assertThat(disagreements).isEmpty();
    }

    @Test
    void rowsCommittedDuringTheRead_stayOutOfEveryTable_evenOneFirstReadAfterThem() {
        f.register("王秀英", VisitsFixture.elderly());
        DSLContext dsl = f.ctx.database().dsl();

        List<Integer> seen = ConsistentRead.read(dsl, tx -> {
            int before = tx.fetchCount(PERSON);
            // Committed by another connection while this read is open.
            CompletableFuture.runAsync(() -> f.register("李强", VisitsFixture.elderly())).join();
            return List.of(before, tx.fetchCount(PERSON), tx.fetchCount(PERSON_SCHEDULE));
        });

        assertThat(seen).containsExactly(1, 1, 1);
        assertThat(dsl.fetchCount(PERSON)).isEqualTo(2);
    }

    @Test
    void readRunsAtTheSnapshotLevel_readOnly_andGivesTheConnectionBackAsLent() {
        DSLContext dsl = f.ctx.database().dsl();
        String inside = ConsistentRead.read(dsl, tx -> String.valueOf(tx.fetchValue(
                "SELECT ISOLATION_LEVEL FROM INFORMATION_SCHEMA.SESSIONS WHERE SESSION_ID = SESSION_ID()")));

        assertThat(inside).isEqualTo("SNAPSHOT");
        dsl.connection(c -> {
            assertThat(c.getAutoCommit()).isTrue();
            assertThat(c.isReadOnly()).isFalse();
            assertThat(c.getTransactionIsolation()).isEqualTo(java.sql.Connection.TRANSACTION_READ_COMMITTED);
        });
    }

    @Test
    void somethingWrittenInside_isRolledBack() {
        Person p = f.register("王秀英", VisitsFixture.elderly());
        DSLContext dsl = f.ctx.database().dsl();

        ConsistentRead.read(dsl, tx -> tx.update(PERSON).set(PERSON.NAME, "改过").where(PERSON.ID.eq(p.id()))
                .execute());

        assertThat(dsl.select(PERSON.NAME).from(PERSON).where(PERSON.ID.eq(p.id())).fetchOne(PERSON.NAME))
                .isEqualTo("王秀英");
    }

    @Test
    void insideAnOpenTransaction_theReadsJoinIt() {
        Person p = f.register("王秀英", VisitsFixture.elderly());
        DSLContext dsl = f.ctx.database().dsl();

        String seen = dsl.transactionResult(cfg -> {
            cfg.dsl().update(PERSON).set(PERSON.NAME, "改过").where(PERSON.ID.eq(p.id())).execute();
            // Only this transaction sees its own uncommitted change.
            return ConsistentRead.read(cfg.dsl(), tx -> tx.select(PERSON.NAME).from(PERSON)
                    .where(PERSON.ID.eq(p.id())).fetchOne(PERSON.NAME));
        });

        assertThat(seen).isEqualTo("改过");
    }
}
