package org.caredesk.visits.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.AuditObjectType;
import org.caredesk.common.I18n;
import org.caredesk.common.Problem;
import org.caredesk.common.RiskColour;
import org.caredesk.common.ValidationException;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.visits.Insight;
import org.caredesk.risk.NextVisitProposal;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitDraft;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitSubject;
import org.caredesk.visits.VisitType;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** Saving visits on a fresh in-memory database: schedule, colour, timeline, audit and every refusal. */
@OnBothDatabases
public class VisitServiceTest {
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

    public static Membership mental(int level) {
        return Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, LocalDate.of(2024, 1, 5),
                Medication.REGULAR);
    }

    public static Membership drugUser(LocalDate start) {
        return Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, start);
    }

    @Test
    void save_setsLastVisitAndTheRulesNextVisit_andStoresTheProposedDateOnTheVisit() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        Visit v = f.visitNow(p);

        assertThat(v.partOf(p.id()).orElseThrow().nextVisitDate()).isEqualTo(f.today().plusDays(30));
        assertThat(v.partOf(p.id()).orElseThrow().personName()).isEqualTo("张桂兰");
        VisitSubject s = f.ctx.visits().subject(p.id());
        assertThat(s.lastVisit()).isEqualTo(f.today());
        assertThat(s.nextVisitDue()).isEqualTo(f.today().plusDays(30));
        assertThat(s.nextUrineDue()).isNull();
        Visit stored = f.ctx.visits().find(v.id()).orElseThrow();
        assertThat(stored).isEqualTo(v);
        assertThat(f.ctx.visits().history(p.id(), 0, 10).items()).containsExactly(v);
    }

    @Test
    void save_isRecordedInTheAuditLog_withThePeopleAndTheKind() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        Visit v = f.visitNow(p);

        List<AuditEntry> entries = f.ctx.audit().history(AuditObjectType.VISIT, v.id().toString(),
                List.of(AuditAction.VISIT_RECORDED));
        assertThat(entries).singleElement().satisfies(e -> {
            assertThat(e.userName()).isEqualTo("caseworker");
            assertThat(e.objectLabel()).isEqualTo("张桂兰");
        });
    }

    @Test
    void mentalRiskLevelAtAVisit_turnsThePatientRed_withATimelineEntryAndAnAuditEntry() {
        Person p = f.register("王秀英", mental(0));
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);

        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id())
                .withMental(4, "夜间吵闹", Insight.PARTIAL, Medication.INTERMITTENT, true)));

        assertThat(f.ctx.people().find(p.id()).orElseThrow().colour()).isEqualTo(RiskColour.RED);
        List<ColourChange> timeline = f.ctx.colours().timeline(p.id());
        assertThat(timeline).extracting(ColourChange::from, ColourChange::to, ColourChange::source,
                ColourChange::reason).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, RiskColour.GREEN, ColourSource.RULE,
                                ColourReason.MENTAL_LEVEL),
                        org.assertj.core.groups.Tuple.tuple(RiskColour.GREEN, RiskColour.RED, ColourSource.RULE,
                                ColourReason.MENTAL_LEVEL));
        assertThat(timeline.get(1).detail()).isEqualTo("4");
        assertThat(timeline.get(1).changedBy()).isEqualTo("caseworker");
        // Red every 7 days beats "unstable within 14 days" and "at most 3 months".
        assertThat(f.ctx.visits().subject(p.id()).nextVisitDue()).isEqualTo(f.today().plusDays(7));
        assertThat(f.ctx.audit().history(AuditObjectType.PERSON, p.id().toString(),
                List.of(AuditAction.COLOUR_CHANGED))).hasSize(1);
    }

    @Test
    void aLaterVisitWithALowerLevel_turnsThePatientBack() {
        Person p = f.register("王秀英", mental(4));
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id()).withMental(1, null, null, null, null)));

        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(f.ctx.visits().subject(p.id()).mentalRiskLevel()).isEqualTo(1);
    }

    @Test
    void aPlannedDateLaterThanTheRulesAllow_doesNotPostponeTheDueDate_anEarlierOneDoes() {
        Person late = f.register("李四", VisitsFixture.elderly());
        Person early = f.register("王五", VisitsFixture.elderly());

        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(late.id()).withNextVisit(f.today().plusDays(60))));
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(early.id()).withNextVisit(f.today().plusDays(5))));

        assertThat(f.ctx.visits().subject(late.id()).nextVisitDue()).isEqualTo(f.today().plusDays(30));
        assertThat(f.ctx.visits().subject(early.id()).nextVisitDue()).isEqualTo(f.today().plusDays(5));
    }

    @Test
    void aGroupVisit_coversEachPersonWithTheirOwnPart() {
        Person drug = f.register("赵强", drugUser(LocalDate.of(2025, 1, 10)));
        Person old = f.register("钱秀兰", VisitsFixture.elderly());

        Visit v = f.ctx.visits().save(new VisitDraft(f.now(), VisitType.GROUP, "李建华, 周敏", "王志愿",
                List.of(VisitPerson.of(drug.id()).withUrine(UrineResult.POSITIVE, f.today().minusDays(1)),
                        VisitPerson.of(old.id())), Set.of(), "集体活动", null, null));

        assertThat(v.data().people()).hasSize(2);
        assertThat(f.ctx.colours().current(drug.id()).reason()).isEqualTo(ColourReason.POSITIVE_URINE);
        assertThat(f.ctx.colours().current(drug.id()).colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.colours().current(old.id()).colour()).isEqualTo(RiskColour.GREEN);
        // Year 1 of the programme: monthly tests from the test date.
        assertThat(f.ctx.visits().subject(drug.id()).nextUrineDue()).isEqualTo(f.today().minusDays(1).plusMonths(1));
        assertThat(f.ctx.visits().history(old.id(), 0, 10).total()).isEqualTo(1);
    }

    @Test
    void aUrineResultWithoutADate_wasTakenAtTheVisit() {
        Person drug = f.register("赵强", drugUser(LocalDate.of(2025, 1, 10)));

        Visit v = f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(drug.id())
                .withUrine(UrineResult.NEGATIVE, null)));

        assertThat(v.partOf(drug.id()).orElseThrow().urineDate()).isEqualTo(f.today());
        assertThat(f.ctx.visits().subject(drug.id()).nextUrineDue()).isEqualTo(f.today().plusMonths(1));
    }

    @Test
    void aVisitInTheFuture_isRefusedNamingTheField_andNothingIsSaved() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        List<Problem> problems = problems(() -> f.ctx.visits().save(f.visit(f.now().plusHours(2),
                VisitPerson.of(p.id()))));

        assertThat(problems).extracting(Problem::localized).containsExactly("走访时间不能晚于现在。");
        assertThat(f.ctx.visits().history(p.id(), 0, 10).total()).isZero();
        assertThat(f.ctx.visits().subject(p.id()).lastVisit()).isNull();
    }

    @Test
    void aVisitForAClosedFile_isRefusedNamingThePerson() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());
        f.ctx.people().close(p.id(), CloseReason.MOVED_AWAY, f.today(), null, p.version());

        ValidationException e = refusal(() -> f.visitNow(p));

        assertThat(e.localized()).isEqualTo("张桂兰 的档案已经销册，不能再记录走访。");
    }

    @Test
    void categoryParts_forTheWrongCategory_areRefusedNamingThePerson() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        List<Problem> problems = problems(() -> f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id())
                .withUrine(UrineResult.NEGATIVE, f.today()).withMental(2, null, null, null, null))));

        assertThat(problems).extracting(Problem::localized).containsExactly(
                "张桂兰 不是吸毒人员，不能填写尿检结果。", "张桂兰 不是严重精神障碍患者，不能填写随访项目。");
    }

    @Test
    void missingFields_outOfRangeLevels_andBadDates_eachGetTheirSentence() {
        Person patient = f.register("王秀英", mental(1));
        I18n.setLocale(I18n.ENGLISH);

        List<Problem> problems = problems(() -> f.ctx.visits().save(new VisitDraft(f.now(), null, "  ", null,
                List.of(VisitPerson.of(patient.id()).withMental(7, null, null, null, null)
                        .withNextVisit(f.today())), Set.of(), null, null, null)));

        assertThat(problems).extracting(Problem::field).containsExactly("type", "staff", "mentalRiskLevel",
                "nextVisitDate");
        assertThat(problems).extracting(Problem::localized).containsExactly("Please fill in Kind of visit.",
                "Please fill in Staff present.", "The risk level of 王秀英 must be between 0 and 5.",
                "The next visit of 王秀英 must be after the date of this visit.");
    }

    @Test
    void aVisitWithNobody_orTheSamePersonTwice_isRefused() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        assertThat(problems(() -> f.ctx.visits().save(f.visit(f.now())))).extracting(Problem::key)
                .containsExactly("problem.visit.noPeople");
        assertThat(problems(() -> f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id()),
                VisitPerson.of(p.id()))))).extracting(Problem::localized)
                .containsExactly("张桂兰 在这次走访里选了两次。");
    }

    @Test
    void propose_givesTheColourAndDatesTheVisitWouldLeadTo_withoutSaving() {
        Person p = f.register("王秀英", mental(0));

        NextVisitProposal calm = f.ctx.visits().propose(p.id(), f.today(), VisitPerson.of(p.id()));
        NextVisitProposal agitated = f.ctx.visits().propose(p.id(), f.today(),
                VisitPerson.of(p.id()).withMental(3, null, null, null, null));

        assertThat(calm.colourAfter()).isEqualTo(RiskColour.GREEN);
        // Green would be 30 days, but a patient is seen at least every 3 months: 30 days comes first.
        assertThat(calm.nextVisit()).isEqualTo(f.today().plusDays(30));
        assertThat(agitated.colourAfter()).isEqualTo(RiskColour.RED);
        assertThat(agitated.nextVisit()).isEqualTo(f.today().plusDays(7));
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);
    }

    @Test
    void newDraft_proposesNowTheLoggedInUserAndEachPersonsNextVisit() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());

        VisitDraft d = f.ctx.visits().newDraft(List.of(p.id()));

        assertThat(d.visitedAt()).isEqualTo(f.now());
        assertThat(d.staff()).isEqualTo("test");
        assertThat(d.people()).singleElement().satisfies(part -> {
            assertThat(part.personName()).isEqualTo("张桂兰");
            assertThat(part.nextVisitDate()).isEqualTo(f.today().plusDays(30));
        });
    }

    @Test
    void subject_tellsTheFormWhichPartsApply() {
        Person p = f.register("赵强", drugUser(LocalDate.of(2025, 1, 10)), mental(2));

        VisitSubject s = f.ctx.visits().subject(p.id());

        assertThat(s.categories()).containsExactlyInAnyOrder(Category.DRUG_USER, Category.MENTAL_DISORDER);
        assertThat(s.drugUser()).isTrue();
        assertThat(s.mentalDisorder()).isTrue();
        assertThat(s.mentalRiskLevel()).isEqualTo(2);
        assertThat(s.closed()).isFalse();
        assertThat(s.colour()).isEqualTo(RiskColour.YELLOW);
    }

    public static List<Problem> problems(Runnable r) {
        return refusal(r).problems();
    }

    public static ValidationException refusal(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e;
        }
        throw new AssertionError("expected a ValidationException");
    }

    @Test
    void refusal_helperFailsWhenNothingIsRefused() {
        assertThatThrownBy(() -> refusal(() -> { })).isInstanceOf(AssertionError.class);
    }
}
