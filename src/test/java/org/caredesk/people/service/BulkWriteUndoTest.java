package org.caredesk.people.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.caredesk.app.AppContext;
import org.caredesk.app.Login;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.common.IdNumber;
import org.caredesk.common.Progress;
import org.caredesk.db.BulkWriteJournal;
import org.caredesk.db.BulkWriteKind;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonDraft;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The bulk-write journal (issue 18, finding 1; docs/decisions/0017): a write that did not reach its end is taken
 * back whole at the next start, with an audit entry appended and the chain intact; a finished one stays.
 */
@OnBothDatabases
class BulkWriteUndoTest {
    @Parameter
    TestDatabase database;

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-20T02:00:00Z"), ZONE);

    @TempDir
    Path dataDir;

    private AppContext ctx;

    @AfterEach
    void close() {
        if (ctx != null) {
            ctx.close();
        }
    }

    private static List<PersonDraft> drafts(int from, int count) {
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            String first17 = "110105" + "1950" + String.format("%02d%02d%03d", 1 + i / 28000 % 12,
                    1 + i / 1000 % 28, i % 1000);
            drafts.add(PersonDraft.minimal("导入" + i, first17 + IdNumber.checkChar(first17),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
        return drafts;
    }

    private long count(String table) {
        return ctx.database().dsl().fetchCount(DSL.table(DSL.name(table)));
    }

    @Test
    void anInterruptedImport_isTakenBackWholeAtTheNextStart_withAnAuditEntry_andTheChainIntact() {
        ctx = database.context(dataDir, clock);
        PersonService people = ctx.people();
        people.register(drafts(0, 1).get(0));
        PersonService.BulkWrite write = people.beginBulkWrite(BulkWriteKind.IMPORT, "名单.xlsx", 1_200);
        // Three bounded transactions committed, then the program "dies": no finish, no abandon.
        people.registerInto(write, drafts(1, 1_200), Progress.NONE);
        assertThat(people.count()).isEqualTo(1_201);
        long auditBefore = count("AUDIT_LOG");

        Login.recoverInterruptedWrites(ctx);

        assertThat(people.count()).isEqualTo(1);
        assertThat(count("PERSON_CATEGORY")).isEqualTo(1);
        assertThat(count("PERSON_SEARCH")).isEqualTo(1);
        assertThat(count("PERSON_SCHEDULE")).isEqualTo(1);
        assertThat(count("COLOUR_CHANGE")).isEqualTo(1);
        assertThat(new BulkWriteJournal().state(ctx.database().dsl(), write.entry().id())).isEqualTo("UNDONE");
        assertThat(count("AUDIT_LOG")).as("nothing deleted from the log, one entry appended")
                .isEqualTo(auditBefore + 1);
        var last = ctx.database().dsl().resultQuery("select action, outcome, object_label, detail from audit_log"
                + " order by seq desc limit 1").fetchOne();
        assertThat(last.get(0, String.class)).isEqualTo(AuditAction.IMPORT.name());
        assertThat(last.get(1, String.class)).isEqualTo(AuditOutcome.FAILURE.name());
        assertThat(last.get(2, String.class)).isEqualTo("名单.xlsx");
        assertThat(last.get(3, String.class)).contains("名单.xlsx").contains("1200");
        assertThat(ctx.audit().checkChain().intact()).isTrue();
        // A second start finds nothing left to do.
        assertThat(people.undoInterruptedWrites()).isEmpty();
    }

    @Test
    void aFinishedImport_stays() {
        ctx = database.context(dataDir, clock);
        ctx.people().registerAll(drafts(0, 700), "名单.xlsx");

        assertThat(ctx.people().undoInterruptedWrites()).isEmpty();

        assertThat(ctx.people().count()).isEqualTo(700);
        DSLContext dsl = ctx.database().dsl();
        assertThat(dsl.fetchValue("select state from bulk_write")).isEqualTo("DONE");
        assertThat(dsl.fetchValue("select count(*) from person where bulk_write_id is not null"))
                .isEqualTo(700L);
        assertThat(ctx.audit().checkChain().intact()).isTrue();
    }

    @Test
    void aCancelledImport_isTakenBackAtOnce() {
        ctx = database.context(dataDir, clock);
        Progress cancelAfterFirst = new Progress() {
            private boolean cancelled;

            @Override
            public void update(long done, long total) {
                cancelled = done > 0;
            }

            @Override
            public void message(String text) {}

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        assertThatThrownBy(() -> ctx.people().registerAll(drafts(0, 1_200), "名单.xlsx", cancelAfterFirst))
                .isInstanceOf(CancellationException.class);

        assertThat(ctx.people().count()).isZero();
        assertThat(ctx.database().dsl().fetchValue("select state from bulk_write")).isEqualTo("UNDONE");
        assertThat(ctx.audit().checkChain().intact()).isTrue();
    }

    @Test
    void anInterruptedGeneration_takesBackItsPeopleAndTheirVisits_andTheMonthlyCounts() {
        ctx = database.context(dataDir, clock);
        PersonService.BulkWrite write = ctx.people().beginBulkWrite(BulkWriteKind.GENERATE, null, 150);
        new SyntheticPeople(3, 0, ctx.people().today()).registerInto(ctx.people(), write, 150, Progress.NONE);
        long visits = ctx.syntheticVisits().generate(3, 6, Progress.NONE);
        assertThat(visits).isGreaterThan(150);
        assertThat(ctx.database().dsl().fetchValue("select sum(person_visits) from visit_month")).isNotNull();

        Login.recoverInterruptedWrites(ctx);

        assertThat(ctx.people().count()).isZero();
        for (String table : List.of("VISIT", "VISIT_PERSON", "VISIT_NEED", "PERSON_SCHEDULE", "COLOUR_CHANGE")) {
            assertThat(count(table)).as(table).isZero();
        }
        assertThat(ctx.database().dsl().fetchValue("select coalesce(sum(person_visits), 0) from visit_month"))
                .isEqualTo(0L);
        assertThat(ctx.audit().checkChain().intact()).isTrue();
    }
}
