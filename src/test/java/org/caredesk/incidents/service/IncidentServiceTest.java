package org.caredesk.incidents.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.incidents.IncidentStatus;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caredesk.visits.service.VisitServiceTest;
import org.junit.jupiter.params.Parameter;

/** Recording, completing and closing incidents; the 24-hour flag; refusals. */
@OnBothDatabases
class IncidentServiceTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private VisitsFixture f;
    private Person p;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir, database);
        p = f.register("钱秀兰", VisitsFixture.elderly());
    }

    @AfterEach
    void close() {
        f.close();
    }

    private IncidentDraft draft(String actions, String outcome) {
        return new IncidentDraft(p.id(), f.now().minusHours(1), IncidentType.MISSING, "傍晚未回家", actions,
                Set.of(NotifiedParty.POLICE), outcome);
    }

    @Test
    void record_keepsEveryField_andIsOpenUntilClosed() {
        Incident i = f.ctx.incidents().record(draft("联系家属和派出所寻找", null));

        assertThat(i.status()).isEqualTo(IncidentStatus.OPEN);
        assertThat(i.personName()).isEqualTo("钱秀兰");
        assertThat(f.ctx.incidents().find(i.id())).contains(i);
        assertThat(f.ctx.incidents().forPerson(p.id())).containsExactly(i);
        assertThat(f.ctx.incidents().open(0, 10).items()).extracting(OpenIncident::incidentId)
                .containsExactly(i.id());
    }

    @Test
    void anIncidentOpenLongerThan24Hours_isFlagged() {
        Incident i = f.ctx.incidents().record(draft("联系家属和派出所寻找", null));

        f.advance(Duration.ofHours(23));
        assertThat(f.ctx.incidents().open(0, 10).items()).singleElement()
                .satisfies(o -> assertThat(o.late()).isFalse());
        f.advance(Duration.ofHours(1).plusMinutes(1));
        assertThat(f.ctx.incidents().open(0, 10).items()).singleElement()
                .satisfies(o -> assertThat(o.late()).isTrue());
        assertThat(f.ctx.incidents().find(i.id()).orElseThrow().late(f.now(), f.ctx.incidents().completionLimit()))
                .isTrue();
    }

    @Test
    void update_completesTheRecord_andClose_endsIt_eachAudited() {
        Incident i = f.ctx.incidents().record(draft("联系家属和派出所寻找", null));
        IncidentDraft more = new IncidentDraft(p.id(), i.data().occurredAt(), IncidentType.MISSING, "傍晚未回家",
                "联系家属和派出所寻找，社区网格员协查", EnumSet.of(NotifiedParty.POLICE, NotifiedParty.FAMILY), null);

        Incident updated = f.ctx.incidents().update(i.id(), more, i.version());
        Incident closed = f.ctx.incidents().close(i.id(), "当晚在公园找到，已送回家", updated.version());

        assertThat(closed.status()).isEqualTo(IncidentStatus.CLOSED);
        assertThat(closed.closedAt()).isEqualTo(f.now());
        assertThat(closed.closedBy()).isEqualTo("caseworker");
        assertThat(f.ctx.incidents().find(i.id()).orElseThrow().data().notified())
                .containsExactly(NotifiedParty.POLICE, NotifiedParty.FAMILY);
        assertThat(f.ctx.incidents().open(0, 10).total()).isZero();
        List<AuditEntry> log = f.ctx.audit().history(AuditObjectType.INCIDENT, i.id().toString(),
                List.of(AuditAction.INCIDENT_RECORDED, AuditAction.INCIDENT_UPDATED, AuditAction.INCIDENT_CLOSED));
        assertThat(log).extracting(AuditEntry::action).containsExactlyInAnyOrder("INCIDENT_RECORDED",
                "INCIDENT_UPDATED", "INCIDENT_CLOSED");
    }

    @Test
    void closing_needsAnOutcome_andAClosedIncidentCannotChange() {
        Incident i = f.ctx.incidents().record(draft("联系家属", null));

        assertThat(VisitServiceTest.problems(() -> f.ctx.incidents().close(i.id(), " ", i.version())))
                .extracting(Problem::localized).containsExactly("办结前请填写处置结果。");
        Incident closed = f.ctx.incidents().close(i.id(), "已找到", i.version());
        assertThatThrownBy(() -> f.ctx.incidents().close(i.id(), "再次", closed.version()))
                .isInstanceOf(UserException.class).hasMessageContaining("error.incident.closed");
    }

    @Test
    void twoPeopleEditingAtOnce_theSecondIsTold() {
        Incident i = f.ctx.incidents().record(draft("联系家属", null));
        f.ctx.incidents().update(i.id(), draft("联系家属，派出所", null), i.version());

        assertThatThrownBy(() -> f.ctx.incidents().update(i.id(), draft("只联系家属", null), i.version()))
                .isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).localized()).contains("刚被别人修改过"));
    }

    @Test
    void whatWasDone_isRequired_theTimeCannotBeInTheFuture_andAClosedFileIsRefused() {
        IncidentDraft bad = new IncidentDraft(p.id(), f.now().plusMinutes(30), null, null, " ", Set.of(), null);

        assertThat(VisitServiceTest.problems(() -> f.ctx.incidents().record(bad))).extracting(Problem::localized)
                .containsExactly("发生时间不能晚于现在。", "请填写事件类型。", "请填写处置措施。");

        f.ctx.people().close(p.id(), CloseReason.MOVED_AWAY, f.today(), null, p.version());
        assertThat(VisitServiceTest.refusal(() -> f.ctx.incidents().record(draft("联系家属", null))).localized())
                .isEqualTo("钱秀兰 的档案已经销册，不能记录应急事件。");
    }
}
