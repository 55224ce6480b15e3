package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caredesk.audit.Actor;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.common.UserException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.risk.ColourState;
import org.caredesk.risk.ColourTexts;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.caredesk.visits.service.VisitServiceTest;
import org.junit.jupiter.params.Parameter;

/** The colour timeline through overrides, their expiry, incidents and urine tests that age out. */
@OnBothDatabases
class ColourServiceTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private VisitsFixture f;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir, database);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Membership mental(int level) {
        return Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, LocalDate.of(2024, 1, 5),
                Medication.REGULAR);
    }

    private IncidentDraft incident(Person p) {
        return new IncidentDraft(p.id(), f.now().minusHours(1), IncidentType.SELF_HARM, "用刀划伤手臂",
                "送医包扎，联系家属", Set.of(NotifiedParty.HOSPITAL, NotifiedParty.FAMILY), null);
    }

    @Test
    void anOverride_replacesTheColour_isShownAsSuch_andExpiresAfter90Days() {
        Person p = f.register("王秀英", mental(4));

        ColourOverride o = f.ctx.colours().setOverride(p.id(), RiskColour.YELLOW, "已住院治疗，病情稳定", null);

        assertThat(o.expiresOn()).isEqualTo(f.today().plusDays(90));
        ColourState s = f.ctx.colours().current(p.id());
        assertThat(s.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(s.overridden()).isTrue();
        assertThat(s.override()).isEqualTo(o);
        assertThat(ColourTexts.reason(s)).isEqualTo("人工调整：已住院治疗，病情稳定");
        assertThat(f.ctx.people().find(p.id()).orElseThrow().colour()).isEqualTo(RiskColour.YELLOW);

        f.advanceDays(90);
        assertThat(f.ctx.colours().reviewDue()).isZero();
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.YELLOW);

        f.advanceDays(1);
        assertThat(f.ctx.colours().reviewDue()).isEqualTo(1);
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.colours().activeOverride(p.id())).isEmpty();
        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::to, ColourChange::source,
                ColourChange::changedBy).containsExactly(tuple(RiskColour.RED, ColourSource.RULE, "caseworker"),
                        tuple(RiskColour.YELLOW, ColourSource.OVERRIDE, "caseworker"),
                        tuple(RiskColour.RED, ColourSource.OVERRIDE_EXPIRED, Actor.SYSTEM_NAME));
        assertThat(f.ctx.colours().reviewDue()).as("nothing left to review").isZero();
    }

    @Test
    void renewing_movesTheLastDay_andClearing_returnsToTheRules() {
        Person p = f.register("王秀英", mental(3));
        f.ctx.colours().setOverride(p.id(), RiskColour.GREEN, "家属陪护", f.today().plusDays(10));

        f.advanceDays(5);
        ColourOverride renewed = f.ctx.colours().renewOverride(p.id(), null);
        assertThat(renewed.expiresOn()).isEqualTo(f.today().plusDays(90));
        f.advanceDays(20);
        assertThat(f.ctx.colours().reviewDue()).isZero();
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);

        f.ctx.colours().clearOverride(p.id());
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.colours().current(p.id()).reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        List<AuditEntry> log = f.ctx.audit().history(AuditObjectType.PERSON, p.id().toString(),
                List.of(AuditAction.COLOUR_OVERRIDE_SET, AuditAction.COLOUR_OVERRIDE_RENEWED,
                        AuditAction.COLOUR_OVERRIDE_CLEARED, AuditAction.COLOUR_CHANGED));
        assertThat(log).extracting(AuditEntry::action).containsExactlyInAnyOrder("COLOUR_OVERRIDE_SET",
                "COLOUR_CHANGED", "COLOUR_OVERRIDE_RENEWED", "COLOUR_OVERRIDE_CLEARED", "COLOUR_CHANGED");
    }

    @Test
    void anOverride_needsAColourAndAReason_andAnExpiryWithinAYear() {
        Person p = f.register("王秀英", mental(3));

        assertThat(VisitServiceTest.problems(() -> f.ctx.colours().setOverride(p.id(), null, "  ", null)))
                .extracting(Problem::localized).containsExactly("请填写调整后的颜色。", "请填写调整原因。");
        assertThat(VisitServiceTest.problems(() -> f.ctx.colours().setOverride(p.id(), RiskColour.GREEN, "好转",
                f.today().minusDays(1)))).extracting(Problem::localized)
                .containsExactly("人工调整的到期日不能早于今天。");
        assertThat(VisitServiceTest.problems(() -> f.ctx.colours().setOverride(p.id(), RiskColour.GREEN, "好转",
                f.today().plusDays(366)))).extracting(Problem::key).containsExactly("problem.override.expiresTooLate");
        assertThatThrownBy(() -> f.ctx.colours().renewOverride(p.id(), null)).isInstanceOf(UserException.class)
                .satisfies(e -> assertThat(((UserException) e).localized())
                        .isEqualTo("王秀英 目前没有生效中的人工调整。"));
        assertThat(f.ctx.colours().timeline(p.id())).hasSize(1);
    }

    @Test
    void anIncident_turnsAGreenPersonRedAtOnce_andKeepsThemRedUntilClosedAndVisited() {
        Person p = f.register("钱秀兰", VisitsFixture.elderly());

        var i = f.ctx.incidents().record(incident(p));

        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.colours().current(p.id()).reason()).isEqualTo(ColourReason.INCIDENT);
        assertThat(ColourTexts.reason(f.ctx.colours().current(p.id()))).isEqualTo("应急事件：伤害自身");
        // Red is visited within 7 days of the last visit (here: of registration, today).
        assertThat(f.ctx.visits().subject(p.id()).nextVisitDue()).isEqualTo(f.today().plusDays(7));

        f.advance(Duration.ofHours(2));
        f.visitNow(p);
        assertThat(f.ctx.colours().current(p.id()).colour()).as("open: a visit does not end it")
                .isEqualTo(RiskColour.RED);

        var closed = f.ctx.incidents().close(i.id(), "已出院回家，家属陪护", i.version());
        assertThat(closed.open()).isFalse();
        assertThat(f.ctx.colours().current(p.id()).colour()).as("closed, not yet looked at again")
                .isEqualTo(RiskColour.RED);

        f.advance(Duration.ofHours(1));
        f.visitNow(p);
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);
        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::to, ColourChange::source,
                ColourChange::reason).containsExactly(
                        tuple(RiskColour.GREEN, ColourSource.RULE, ColourReason.DEFAULT),
                        tuple(RiskColour.RED, ColourSource.INCIDENT, ColourReason.INCIDENT),
                        tuple(RiskColour.GREEN, ColourSource.RULE, ColourReason.DEFAULT));
    }

    @Test
    void anIncidentOfSomeoneAlreadyRed_isLoggedOnTheTimelineToo() {
        Person p = f.register("王秀英", mental(5));

        f.ctx.incidents().record(incident(p));

        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::from, ColourChange::to,
                ColourChange::reason).containsExactly(tuple(null, RiskColour.RED, ColourReason.MENTAL_LEVEL),
                        tuple(RiskColour.RED, RiskColour.RED, ColourReason.INCIDENT));
    }

    @Test
    void aPositiveUrineTest_agesOutAfter6Months_andTheReviewTurnsTheDrugUserBack() {
        Person p = f.register("赵强", Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, f.today().minusMonths(2)));
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id()).withUrine(UrineResult.POSITIVE, f.today())));
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.RED);

        f.clock.advance(Duration.between(f.today().atStartOfDay(), f.today().plusMonths(6).atStartOfDay()));
        assertThat(f.ctx.colours().reviewDue()).isZero();
        f.advanceDays(1);
        assertThat(f.ctx.colours().reviewDue()).isEqualTo(1);

        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);
        assertThat(f.ctx.colours().timeline(p.id())).last().satisfies(c -> {
            assertThat(c.source()).isEqualTo(ColourSource.RULE);
            assertThat(c.changedBy()).isEqualTo(Actor.SYSTEM_NAME);
        });
    }

    @Test
    void anAssessment_countsForEveryone_andIsRecordedWithItsSource() {
        Person p = f.register("孙建国", Membership.releasedPrisoner(LocalDate.of(2023, 3, 1), "盗窃罪", "有期徒刑二年"));

        var a = f.ctx.assessments().save(AssessmentServiceTest.draft(p.id(), f.today(), 2, 2, 1, 1, 1));

        assertThat(a.total()).isEqualTo(7);
        assertThat(a.colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.colours().current(p.id()).source()).isEqualTo(ColourSource.ASSESSMENT);
        assertThat(ColourTexts.reason(f.ctx.colours().current(p.id()))).isEqualTo("风险评估 7 分");
    }
}
