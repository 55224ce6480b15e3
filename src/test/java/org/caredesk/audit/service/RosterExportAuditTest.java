package org.caredesk.audit.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditQuery;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.ValidationException;
import org.caredesk.db.Database;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Membership;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.caredesk.roster.service.RosterExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Exporting the people list leaves an entry naming the file and the number of rows (and, full, the reason). */
@OnBothDatabases
class RosterExportAuditTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;

    private Database db;
    private AuditLog audit;
    private PersonService people;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        db = database.open();
        var session = org.caredesk.security.TestSessions.everything();
        audit = new AuditLog(db.dsl(), new AuditRepository(), PersonAuditTest.CLOCK, session);
        people = new PersonService(db.dsl(), new PersonRepository(), PersonAuditTest.CLOCK, PeopleRules.DEFAULTS,
                audit, () -> "wang", session);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void rosterExport_isRecordedWithFileNameAndRowCount() {
        people.registerAll(List.of(
                PersonAuditTest.draft("甲", PersonAuditTest.validId("19800101", 11), null,
                        Membership.of(Category.ELDERLY_ALONE)),
                PersonAuditTest.draft("乙", PersonAuditTest.validId("19800101", 12), null,
                        Membership.of(Category.ELDERLY_ALONE))));

        int written = new RosterExporter(people, dir.resolve("data").resolve("tmp")).export(PersonQuery.all(),
                dir.resolve("名单.xlsx"), Progress.NONE);

        AuditEntry e = audit.search(AuditQuery.all()).entries().get(0);
        assertThat(written).isEqualTo(2);
        assertThat(e.knownAction()).contains(AuditAction.EXPORT);
        assertThat(e.userName()).isEqualTo("wang");
        assertThat(e.objectType()).isEqualTo("ROSTER");
        assertThat(e.objectLabel()).isEqualTo("名单.xlsx");
        assertThat(e.detailText()).isEqualTo("导出到“名单.xlsx”，共 2 行");
        assertThat(audit.verify().intact()).isTrue();
    }

    @Test
    void fullExport_isRecordedWithFileNameRowCountFullNumbersAndTheReason() {
        people.registerAll(List.of(PersonAuditTest.draft("甲", PersonAuditTest.validId("19800101", 11),
                "13800138000", Membership.of(Category.ELDERLY_ALONE))));

        int written = new RosterExporter(people, dir.resolve("data").resolve("tmp")).exportFull(PersonQuery.all(),
                dir.resolve("完整名单.xlsx"), "  区综治中心核对名单 ", Progress.NONE);

        AuditEntry e = audit.search(AuditQuery.all()).entries().get(0);
        assertThat(written).isEqualTo(1);
        assertThat(e.knownAction()).contains(AuditAction.EXPORT);
        assertThat(e.userName()).isEqualTo("wang");
        assertThat(e.objectType()).isEqualTo("ROSTER");
        assertThat(e.objectLabel()).isEqualTo("完整名单.xlsx");
        assertThat(e.detailText()).isEqualTo("导出到“完整名单.xlsx”，共 1 行，含完整号码。原因：区综治中心核对名单");
        I18n.setLocale(I18n.ENGLISH);
        try {
            assertThat(e.detailText()).isEqualTo(
                    "Exported to \"完整名单.xlsx\", 1 rows, with full numbers. Reason: 区综治中心核对名单");
        } finally {
            I18n.setLocale(I18n.CHINESE);
        }
    }

    @Test
    void aRefusedFullExport_recordsNothing() {
        assertThatThrownBy(() -> new RosterExporter(people, dir.resolve("data").resolve("tmp"))
                .exportFull(PersonQuery.all(), dir.resolve("完整名单.xlsx"), " ", Progress.NONE))
                .isInstanceOf(ValidationException.class);

        assertThat(audit.search(AuditQuery.all()).entries()).isEmpty();
        assertThat(dir.resolve("完整名单.xlsx")).doesNotExist();
    }
}
