package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditDetail;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditEvent;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.audit.AuditOutcome;
import org.caredesk.audit.AuditPage;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.ChainCheck;
import org.caredesk.audit.ChainCheck.Finding;
import org.caredesk.audit.EntryHash;
import org.caredesk.audit.FieldChange;
import org.caredesk.audit.StepClock;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.I18n;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;

/**
 * The audit log on a fresh in-memory database with every migration applied. Tampering is done the way an
 * intruder would: plain SQL on the tables, behind the program's back.
 */
@OnBothDatabases
class AuditLogTest {
    @Parameter
    TestDatabase database;

    private Database db;
    private AuditLog audit;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        audit = new AuditLog(db.dsl(), new AuditRepository(), StepClock.minutes(),
                org.caredesk.security.TestSessions.everything());
    }

    @AfterEach
    void close() {
        db.close();
    }

    static AuditEvent event(String user, AuditAction action, String label) {
        return AuditEvent.success(user, action, AuditObjectType.PERSON, UUID.randomUUID().toString(), label,
                AuditDetail.changes(List.of(new FieldChange("field.NAME", null, label))));
    }

    /** Five entries by two users, one minute apart from 10:00 on 2025-06-01. */
    private List<AuditEntry> fiveEntries() {
        List<AuditEntry> out = new ArrayList<>();
        out.add(audit.record(event("wang", AuditAction.PERSON_CREATED, "张三丰")));
        out.add(audit.record(event("wang", AuditAction.PERSON_UPDATED, "张三丰")));
        out.add(audit.record(event("li", AuditAction.PERSON_VIEWED, "李四")));
        out.add(audit.record(event("li", AuditAction.PERSON_CLOSED, "李四")));
        out.add(audit.record(event("wang", AuditAction.EXPORT, "名单.xlsx")));
        return out;
    }

    private void sql(String statement, Object... args) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(statement)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private long count() {
        return audit.search(AuditQuery.all()).total();
    }

    @Test
    void append_numbersAndChainsEntries() {
        List<AuditEntry> entries = fiveEntries();

        assertThat(entries).extracting(AuditEntry::seq).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(entries.get(0).prevHash()).isEqualTo(EntryHash.GENESIS);
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).prevHash()).isEqualTo(entries.get(i - 1).entryHash());
        }
        assertThat(entries).allSatisfy(e -> assertThat(EntryHash.of(e)).isEqualTo(e.entryHash()));
        assertThat(entries.get(1).loggedAt()).isEqualTo(LocalDateTime.of(2025, 6, 1, 10, 1));
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        java.util.Collections.reverse(newestFirst);
        assertThat(audit.search(AuditQuery.all()).entries()).containsExactlyElementsOf(newestFirst);
    }

    @Test
    void append_inARolledBackTransaction_leavesNoEntry() {
        audit.record(event("wang", AuditAction.PERSON_CREATED, "张三丰"));

        assertThatThrownBy(() -> db.dsl().transaction(cfg -> {
            audit.append(cfg.dsl(), event("wang", AuditAction.PERSON_UPDATED, "张三丰"));
            throw new IllegalStateException("the change failed after its entry was written");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(count()).isEqualTo(1);
        assertThat(audit.verify().intact()).isTrue();
        // The next entry takes the number the rolled-back one had: no gap for verify to mistake for a deletion.
        assertThat(audit.record(event("wang", AuditAction.LOGOUT, null)).seq()).isEqualTo(2);
        assertThat(audit.verify().sentence()).isEqualTo("审计日志完整，共 2 条。");
    }

    @Test
    void verify_intactChain() {
        fiveEntries();

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.INTACT);
        assertThat(check.entries()).isEqualTo(5);
        assertThat(check.sentence()).isEqualTo("审计日志完整，共 5 条。");
    }

    @Test
    void verify_emptyLog_isIntact() {
        assertThat(audit.verify().sentence()).isEqualTo("审计日志完整，共 0 条。");
    }

    @Test
    void verify_editedField_namesTheEntryAndItsTime() {
        fiveEntries();
        sql("update audit_log set object_label = ? where seq = 3", "王五");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.EDITED);
        assertThat(check.seq()).isEqualTo(3);
        assertThat(check.sentence())
                .isEqualTo("第 3 条记录（2025-06-01 10:02:00）在程序之外被改动过，内容与当初写下的不一致。");
    }

    @Test
    void verify_editedTime_isAnEdit() {
        fiveEntries();
        sql("update audit_log set logged_at = ? where seq = 2", Timestamp.valueOf("2025-06-01 09:00:00"));

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.EDITED);
        assertThat(check.seq()).isEqualTo(2);
    }

    @Test
    void verify_editedUser_isAnEdit() {
        fiveEntries();
        sql("update audit_log set user_name = 'li' where seq = 5");

        assertThat(audit.verify().finding()).isEqualTo(Finding.EDITED);
        assertThat(audit.verify().seq()).isEqualTo(5);
    }

    @Test
    void verify_deletedEntry_saysWhichAndWhere() {
        fiveEntries();
        sql("delete from audit_log where seq = 2");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.DELETED);
        assertThat(check.seq()).isEqualTo(2);
        assertThat(check.entries()).isEqualTo(4);
        assertThat(check.sentence()).isEqualTo(
                "第 2 条记录在程序之外被删除了，原来位于 2025-06-01 10:00:00 与 2025-06-01 10:02:00 之间。");
    }

    @Test
    void verify_severalDeletedAtTheStart_namesTheRange() {
        fiveEntries();
        sql("delete from audit_log where seq <= 2");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.DELETED);
        assertThat(check.sentence()).isEqualTo(
                "第 1 至 2 条记录在程序之外被删除了，原来位于 日志开头 与 2025-06-01 10:02:00 之间。");
    }

    @Test
    void verify_forgedEntryAtTheEnd_withItsOwnHashRecomputed_isInserted() {
        List<AuditEntry> entries = fiveEntries();
        insertForged(6, "0".repeat(64), LocalDateTime.of(2025, 6, 1, 11, 0));

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.INSERTED);
        assertThat(check.seq()).isEqualTo(6);
        assertThat(check.sentence())
                .isEqualTo("第 6 条记录（2025-06-01 11:00:00）不是本程序写入的，是在程序之外添加进去的。");
        // Even a forger who links it correctly cannot make it the program's: the head says 5.
        sql("delete from audit_log where seq = 6");
        insertForged(6, entries.get(4).entryHash(), LocalDateTime.of(2025, 6, 1, 11, 0));
        assertThat(audit.verify().finding()).isEqualTo(Finding.INSERTED);
    }

    @Test
    void verify_forgedEntryInPlaceOfADeletedOne_breaksTheLink() {
        fiveEntries();
        sql("delete from audit_log where seq = 3");
        insertForged(3, "f".repeat(64), LocalDateTime.of(2025, 6, 1, 10, 2));

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.BROKEN_LINK);
        assertThat(check.seq()).isEqualTo(3);
        assertThat(check.sentence()).startsWith("第 3 条记录（2025-06-01 10:02:00）与第 2 条接不上");
    }

    @Test
    void verify_entryBelowOne_isInserted() {
        fiveEntries();
        insertForged(0, EntryHash.GENESIS, LocalDateTime.of(2025, 6, 1, 9, 0));

        assertThat(audit.verify().finding()).isEqualTo(Finding.INSERTED);
        assertThat(audit.verify().seq()).isZero();
    }

    /** An entry with a correct hash over its own fields, as someone who knows the algorithm would write it. */
    private void insertForged(long seq, String prevHash, LocalDateTime at) {
        UUID id = UUID.randomUUID();
        String detail = AuditDetail.text("forged").encode();
        String hash = EntryHash.compute(id, seq, at, "wang", "PERSON_CLOSED", "PERSON", "x", "张三丰", detail,
                "SUCCESS", prevHash);
        sql("insert into audit_log (id, seq, logged_at, user_name, action, object_type, object_id, object_label, "
                + "detail, outcome, prev_hash, entry_hash) values (?, ?, ?, 'wang', 'PERSON_CLOSED', 'PERSON', 'x', "
                + "'张三丰', ?, 'SUCCESS', ?, ?)", id, seq, Timestamp.valueOf(at), detail, prevHash, hash);
    }

    @Test
    void verify_lastEntryDeleted_isATruncatedTail() {
        fiveEntries();
        sql("delete from audit_log where seq = 5");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.TRUNCATED);
        assertThat(check.seq()).isEqualTo(5);
        assertThat(check.sentence()).isEqualTo("日志末尾的第 5 条记录在程序之外被删除了。");
    }

    @Test
    void verify_everyEntryDeleted_isATruncatedTail() {
        fiveEntries();
        sql("delete from audit_log");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.TRUNCATED);
        assertThat(check.sentence()).isEqualTo("日志末尾的第 1 至 5 条记录在程序之外被删除了。");
    }

    @Test
    void verify_lastEntryRewrittenWithAValidHash_isReplaced() {
        List<AuditEntry> entries = fiveEntries();
        AuditEntry last = entries.get(4);
        String hash = EntryHash.compute(last.id(), last.seq(), last.loggedAt(), last.userName(), last.action(),
                last.objectType(), last.objectId(), "另一个文件.xlsx", last.detail(), last.outcome(), last.prevHash());
        sql("update audit_log set object_label = '另一个文件.xlsx', entry_hash = ? where seq = 5", hash);

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.REPLACED);
        assertThat(check.seq()).isEqualTo(5);
    }

    @Test
    void verify_middleEntryRewrittenWithAValidHash_breaksTheNextLink() {
        List<AuditEntry> entries = fiveEntries();
        AuditEntry e = entries.get(1);
        String hash = EntryHash.compute(e.id(), e.seq(), e.loggedAt(), "li", e.action(), e.objectType(),
                e.objectId(), e.objectLabel(), e.detail(), e.outcome(), e.prevHash());
        sql("update audit_log set user_name = 'li', entry_hash = ? where seq = 2", hash);

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.BROKEN_LINK);
        assertThat(check.seq()).isEqualTo(3);
    }

    @Test
    void verify_headRowDeleted_isReported() {
        fiveEntries();
        sql("delete from audit_head");

        ChainCheck check = audit.verify();

        assertThat(check.finding()).isEqualTo(Finding.HEAD_MISSING);
        assertThat(check.entries()).isEqualTo(5);
        assertThat(check.sentence()).isEqualTo("审计日志的校验信息丢失了，无法确认日志是否完整。");
    }

    @Test
    void verify_reportsTheFirstProblem() {
        fiveEntries();
        sql("update audit_log set object_label = '王五' where seq = 4");
        sql("delete from audit_log where seq = 2");

        assertThat(audit.verify().finding()).isEqualTo(Finding.DELETED);
        assertThat(audit.verify().seq()).isEqualTo(2);
    }

    @Test
    void verify_speaksTheCurrentLanguage() {
        fiveEntries();
        sql("delete from audit_log where seq = 3");
        I18n.setLocale(I18n.ENGLISH);
        try {
            assertThat(audit.verify().sentence()).isEqualTo("Entry 3 was deleted outside the program; the gap lies "
                    + "between 2025-06-01 10:01:00 and 2025-06-01 10:03:00.");
        } finally {
            I18n.setLocale(I18n.CHINESE);
        }
    }

    @Test
    void concurrentAppends_takeConsecutiveNumbers() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String user = "user" + t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 25; i++) {
                        audit.record(event(user, AuditAction.PERSON_VIEWED, "张三丰"));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        ChainCheck check = audit.verify();
        assertThat(check.finding()).isEqualTo(Finding.INTACT);
        assertThat(check.entries()).isEqualTo(100);
    }

    @Test
    void appendAll_chainsABatchInOneTransaction() {
        audit.record(event("wang", AuditAction.LOGIN, null));
        List<AuditEntry> batch = db.dsl().transactionResult(cfg -> audit.appendAll(cfg.dsl(), List.of(
                event("wang", AuditAction.IMPORT, "名单.xlsx"), event("wang", AuditAction.PERSON_CREATED, "甲"),
                event("wang", AuditAction.PERSON_CREATED, "乙"))));

        assertThat(batch).extracting(AuditEntry::seq).containsExactly(2L, 3L, 4L);
        assertThat(batch).extracting(AuditEntry::loggedAt).containsOnly(batch.get(0).loggedAt());
        assertThat(audit.verify().sentence()).isEqualTo("审计日志完整，共 4 条。");
    }

    @Test
    void search_filtersByDateUserActionAndText_newestFirst() {
        fiveEntries();
        audit.record(event("zhao", AuditAction.PERSON_VIEWED, "张三丰"));

        assertThat(audit.search(new AuditQuery(null, null, "wang", null, null, 0, 50)).entries())
                .extracting(AuditEntry::seq).containsExactly(5L, 2L, 1L);
        assertThat(audit.search(new AuditQuery(null, null, null, AuditAction.PERSON_VIEWED, null, 0, 50))
                .entries()).extracting(AuditEntry::seq).containsExactly(6L, 3L);
        assertThat(audit.search(new AuditQuery(null, null, null, null, "三丰", 0, 50)).entries())
                .extracting(AuditEntry::seq).containsExactly(6L, 2L, 1L);
        assertThat(audit.search(new AuditQuery(null, null, null, null, "XLSX", 0, 50)).entries())
                .extracting(AuditEntry::seq).containsExactly(5L);
        LocalDate day = LocalDate.of(2025, 6, 1);
        assertThat(audit.search(new AuditQuery(day, day, null, null, null, 0, 50)).total()).isEqualTo(6);
        assertThat(audit.search(new AuditQuery(day.plusDays(1), null, null, null, null, 0, 50)).total()).isZero();
        assertThat(audit.search(new AuditQuery(null, day.minusDays(1), null, null, null, 0, 50)).total()).isZero();
    }

    @Test
    void search_textWithLikeWildcards_matchesThemLiterally() {
        audit.record(event("wang", AuditAction.EXPORT, "100%_名单.xlsx"));
        audit.record(event("wang", AuditAction.EXPORT, "1000名单.xlsx"));

        assertThat(audit.search(new AuditQuery(null, null, null, null, "0%_", 0, 50)).entries())
                .extracting(AuditEntry::objectLabel).containsExactly("100%_名单.xlsx");
    }

    @Test
    void search_pagesInTheDatabase() {
        fiveEntries();

        AuditPage page = audit.search(AuditQuery.all().withPage(2, 2));

        assertThat(page.total()).isEqualTo(5);
        assertThat(page.offset()).isEqualTo(2);
        assertThat(page.entries()).extracting(AuditEntry::seq).containsExactly(3L, 2L);
    }

    @Test
    void history_returnsOneObjectsEntriesOfTheGivenActions_newestFirst() {
        String id = UUID.randomUUID().toString();
        audit.record(AuditEvent.success("wang", AuditAction.PERSON_CREATED, AuditObjectType.PERSON, id, "张三丰",
                AuditDetail.changes(List.of(new FieldChange("field.NAME", null, "张三丰")))));
        audit.record(AuditEvent.success("li", AuditAction.PERSON_VIEWED, AuditObjectType.PERSON, id, "张三丰", null));
        audit.record(event("li", AuditAction.PERSON_UPDATED, "别人"));
        audit.record(AuditEvent.success("li", AuditAction.PERSON_UPDATED, AuditObjectType.PERSON, id, "张三丰",
                AuditDetail.changes(List.of(new FieldChange("field.PHONE1", "138****8000", "139****9000")))));

        List<AuditEntry> history = audit.history(AuditObjectType.PERSON, id,
                Set.of(AuditAction.PERSON_CREATED, AuditAction.PERSON_UPDATED));

        assertThat(history).extracting(AuditEntry::seq).containsExactly(4L, 1L);
        assertThat(history.get(0).changes())
                .containsExactly(new FieldChange("field.PHONE1", "138****8000", "139****9000"));
    }

    @Test
    void userNames_listsEveryoneWithAnEntry() {
        fiveEntries();

        assertThat(audit.userNames()).containsExactly("li", "wang");
    }

    @Test
    void entry_keepsEveryFieldAsWritten() {
        AuditEntry written = audit.record(new AuditEvent("wang", AuditAction.LOGIN_FAILED, AuditObjectType.USER,
                null, "不存在的用户", AuditDetail.message("audit.detail.importCount", "3"), AuditOutcome.DENIED));

        AuditEntry read = audit.search(AuditQuery.all()).entries().get(0);

        assertThat(read).isEqualTo(written);
        assertThat(read.outcomeLabel()).isEqualTo("无权限，被拒绝");
        assertThat(read.actionLabel()).isEqualTo("登录失败");
        assertThat(read.detailText()).isEqualTo("导入 3 人");
    }

    @Test
    void entryWithUnknownCodes_isStillShown() {
        fiveEntries();
        sql("update audit_log set action = 'DROP_TABLE', outcome = 'MAYBE', detail = 'C5:broken' where seq = 1");

        AuditEntry e = audit.search(AuditQuery.all().withPage(4, 1)).entries().get(0);

        assertThat(e.actionLabel()).isEqualTo("DROP_TABLE");
        assertThat(e.outcomeLabel()).isEqualTo("MAYBE");
        assertThat(e.detailText()).isEqualTo("C5:broken");
        assertThat(e.changes()).isEmpty();
    }
}
