package org.caredesk.today.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.caredesk.common.I18n;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonField;
import org.caredesk.people.PersonMissingDetails;
import org.caredesk.today.ConsentItem;
import org.caredesk.today.DueItem;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.today.TermItem;
import org.caredesk.today.TermKind;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.today.WorkList;
import org.caredesk.risk.WorkListFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * The 今日工作 lists on a fresh database, today being Monday 2 June 2025: overdue oldest first, due this week,
 * terms ending, missing consent, open incidents; filters; counts.
 */
@OnBothDatabases
class WorkListServiceTest {
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

    /** A green person last visited {@code daysAgo} days ago: due 30 days after that. */
    private Person visitedDaysAgo(String name, int daysAgo) {
        Person p = f.register(name, "3栋", "周敏", VisitsFixture.elderly());
        f.ctx.visits().save(f.visit(f.now().minusDays(daysAgo), VisitPerson.of(p.id())));
        return p;
    }

    @Test
    void overdue_oldestFirst_fromTheDayAfterDue_andDueThisWeek_throughSunday() {
        Person a = visitedDaysAgo("甲", 40);
        Person b = visitedDaysAgo("乙", 35);
        Person e = visitedDaysAgo("戊", 31);
        Person d = visitedDaysAgo("丁", 30);
        Person c = visitedDaysAgo("丙", 29);
        visitedDaysAgo("己", 23);

        WorkList w = f.ctx.workList().today(WorkListFilter.ALL, 10);

        assertThat(w.overdue()).extracting(DueItem::personId).containsExactly(a.id(), b.id(), e.id());
        assertThat(w.overdue()).extracting(i -> i.daysOverdue(f.today())).containsExactly(10L, 5L, 1L);
        assertThat(w.dueThisWeek()).extracting(DueItem::personId).containsExactly(d.id(), c.id());
        assertThat(w.weekEnd()).isEqualTo(LocalDate.of(2025, 6, 8));
        assertThat(w.counts().overdue()).isEqualTo(3);
        assertThat(w.counts().dueThisWeek()).isEqualTo(2);
        DueItem first = w.overdue().get(0);
        assertThat(first.name()).isEqualTo("甲");
        assertThat(first.building()).isEqualTo("3栋");
        assertThat(first.lastVisit()).isEqualTo(f.today().minusDays(40));
        assertThat(first.visitOverdue(f.today())).isTrue();
    }

    @Test
    void peopleWithMissingDetails_areListedByNameWithTheFields_andCounted() {
        Person released = f.register("李强", "3栋", "周敏", Membership.releasedPrisoner(null, null, null));
        Person mental = f.register("王芳", "5栋", "刘敏", Membership.mentalDisorder(null, null, null, null));
        f.register("赵静", Membership.releasedPrisoner(LocalDate.of(2024, 1, 5), null, null));
        Person closed = f.register("孙伟", Membership.correction(null, null, null, null));
        f.ctx.people().close(closed.id(), CloseReason.MOVED_AWAY, f.today(), null, closed.version());

        WorkList w = f.ctx.workList().today(WorkListFilter.ALL, 10);

        assertThat(w.counts().missingDetails()).isEqualTo(2);
        assertThat(w.missingDetails()).extracting(PersonMissingDetails::personId, PersonMissingDetails::fields)
                .containsExactly(tuple(released.id(), List.of(PersonField.RELEASE_DATE)),
                        tuple(mental.id(), List.of(PersonField.DIAGNOSIS, PersonField.MENTAL_RISK_LEVEL)));
        assertThat(w.missingDetails().get(1).labels()).isEqualTo("诊断、危险性等级");
        assertThat(w.missingDetails().get(0).building()).isEqualTo("3栋");
        // No release date, no 帮教 end: nothing guessed onto the terms list.
        assertThat(w.termsEnding()).isEmpty();
        assertThat(f.ctx.workList().missingDetails(WorkListFilter.building("5栋"), 0, 10).items())
                .extracting(PersonMissingDetails::name).containsExactly("王芳");
        var second = f.ctx.workList().missingDetails(WorkListFilter.ALL, 1, 1);
        assertThat(second.items()).extracting(PersonMissingDetails::name).containsExactly("王芳");
        assertThat(second.total()).isEqualTo(2);
    }

    @Test
    void fillingInTheDetail_takesThePersonOffTheMissingDetailsList() {
        Person p = f.register("李强", Membership.releasedPrisoner(null, null, null));
        PersonDraft d = p.data();

        f.ctx.people().update(p.id(), new PersonDraft(d.name(), d.idType(), d.idNumber(), d.ethnicity(), d.phone1(),
                d.phone2(), d.estate(), d.building(), d.unit(), d.room(), d.householdAddress(), d.livingSituation(),
                d.emergencyName(), d.emergencyRelation(), d.emergencyPhone(), d.responsibleStaff(), d.note(),
                List.of(Membership.releasedPrisoner(LocalDate.of(2021, 7, 1), null, null))), p.version());

        assertThat(f.ctx.workList().today(WorkListFilter.ALL, 10).counts().missingDetails()).isZero();
    }

    @Test
    void aVisitToday_takesThePersonOffTheOverdueList() {
        Person a = visitedDaysAgo("甲", 40);
        assertThat(f.ctx.workList().overdue(WorkListFilter.ALL, 0, 10).items()).hasSize(1);

        f.visitNow(a);

        assertThat(f.ctx.workList().overdue(WorkListFilter.ALL, 0, 10).items()).isEmpty();
    }

    @Test
    void aClosedFile_leavesEveryList() {
        Person a = visitedDaysAgo("甲", 40);
        Person now = f.ctx.people().find(a.id()).orElseThrow();

        f.ctx.people().close(a.id(), CloseReason.MOVED_AWAY, f.today(), null, now.version());

        WorkList w = f.ctx.workList().today(WorkListFilter.ALL, 10);
        assertThat(w.overdue()).isEmpty();
        assertThat(w.counts().overdue()).isZero();
    }

    @Test
    void anOverdueUrineTest_putsADrugUserOnTheOverdueList() {
        Person p = f.register("赵强", Membership.drugUser(DrugProgramme.COMMUNITY_DETOX, LocalDate.of(2025, 1, 10)));
        f.ctx.visits().save(f.visit(f.now().minusDays(3), VisitPerson.of(p.id())));

        DueItem item = f.ctx.workList().overdue(WorkListFilter.ALL, 0, 10).items().get(0);

        // Never tested: monthly from the programme start, so due since 10 February.
        assertThat(item.nextUrineDue()).isEqualTo(LocalDate.of(2025, 2, 10));
        assertThat(item.urineOverdue(f.today())).isTrue();
        assertThat(item.visitOverdue(f.today())).isFalse();
        assertThat(item.due()).isEqualTo(LocalDate.of(2025, 2, 10));
    }

    @Test
    void paging_andTheFilterByStaffAndBuilding() {
        for (int i = 0; i < 5; i++) {
            visitedDaysAgo("人" + i, 40 + i);
        }
        Person other = f.register("别栋", "7栋", "赵磊", VisitsFixture.elderly());
        f.ctx.visits().save(f.visit(f.now().minusDays(60), VisitPerson.of(other.id())));

        assertThat(f.ctx.workList().overdue(WorkListFilter.ALL, 0, 2).items()).extracting(DueItem::personId)
                .containsExactly(other.id(), f.ctx.workList().overdue(WorkListFilter.ALL, 1, 1).items().get(0)
                        .personId());
        assertThat(f.ctx.workList().overdue(WorkListFilter.ALL, 0, 2).total()).isEqualTo(6);
        assertThat(f.ctx.workList().overdue(WorkListFilter.staff("周敏"), 0, 10).total()).isEqualTo(5);
        assertThat(f.ctx.workList().overdue(WorkListFilter.building("7栋"), 0, 10).items())
                .extracting(DueItem::name).containsExactly("别栋");
        assertThat(f.ctx.workList().overdue(new WorkListFilter("赵磊", "3栋"), 0, 10).total()).isZero();
    }

    @Test
    void termsEndingWithin30Days_correction_helpPeriodAndDrugProgramme_soonestFirst() {
        LocalDate today = f.today();
        Person corr = f.register("矫正", Membership.correction(CorrectionType.PROBATION, today.minusYears(1),
                today.plusDays(10), CorrectionLevel.NORMAL));
        f.register("矫正晚", Membership.correction(CorrectionType.PROBATION, today.minusYears(1), today.plusDays(40),
                CorrectionLevel.NORMAL));
        Person released = f.register("帮教", Membership.releasedPrisoner(today.minusYears(5).plusDays(20), "盗窃罪",
                "有期徒刑一年"));
        f.register("帮教早", Membership.releasedPrisoner(today.minusYears(5).minusDays(1), "盗窃罪", "有期徒刑一年"));
        Person drug = f.register("戒毒", Membership.drugUser(DrugProgramme.COMMUNITY_DETOX,
                today.minusYears(3).plusDays(5)));
        Person endsToday = f.register("今天", Membership.correction(CorrectionType.PAROLE, today.minusYears(1), today,
                CorrectionLevel.LENIENT));

        List<TermItem> terms = f.ctx.workList().termsEnding(WorkListFilter.ALL, 0, 10).items();

        assertThat(terms).extracting(TermItem::personId).containsExactly(endsToday.id(), drug.id(), corr.id(),
                released.id());
        assertThat(terms).extracting(TermItem::kind).containsExactly(TermKind.CORRECTION_END,
                TermKind.DRUG_PROGRAMME_END, TermKind.CORRECTION_END, TermKind.RELEASE_HELP_END);
        assertThat(terms).extracting(t -> t.daysLeft(today)).containsExactly(0L, 5L, 10L, 20L);
        assertThat(f.ctx.workList().today(WorkListFilter.ALL, 2).termsEnding()).hasSize(2);
        assertThat(f.ctx.workList().today(WorkListFilter.ALL, 2).counts().termsEnding()).isEqualTo(4);
    }

    @Test
    void missingConsent_fromTheRegistry_unlessTheLatestVisitSaysItIsOnFile() {
        Person without = f.register("无同意", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 1, null, null));
        f.register("有同意", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 1, LocalDate.of(2024, 3, 1), null));
        f.register("非患者", VisitsFixture.elderly());

        assertThat(f.ctx.workList().missingConsent(WorkListFilter.ALL, 0, 10).items()).extracting(
                ConsentItem::personId).containsExactly(without.id());

        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(without.id()).withMental(1, null, null, null, true)));
        assertThat(f.ctx.workList().missingConsent(WorkListFilter.ALL, 0, 10).total()).isZero();
    }

    @Test
    void openIncidents_oldestFirst_withTheLateOnesCounted() {
        Person p = f.register("钱秀兰", "3栋", "周敏", VisitsFixture.elderly());
        Person q = f.register("孙丽", "5栋", "赵磊", VisitsFixture.elderly());
        f.ctx.incidents().record(new IncidentDraft(p.id(), f.now().minusHours(30), IncidentType.DISPUTE, null,
                "调解", Set.of(), null));
        f.ctx.incidents().record(new IncidentDraft(q.id(), f.now().minusHours(2), IncidentType.RELAPSE, null,
                "送医", Set.of(), null));

        WorkList w = f.ctx.workList().today(WorkListFilter.ALL, 10);

        assertThat(w.openIncidents()).extracting(OpenIncident::personName, OpenIncident::late).containsExactly(
                org.assertj.core.groups.Tuple.tuple("钱秀兰", true), org.assertj.core.groups.Tuple.tuple("孙丽", false));
        assertThat(w.counts().openIncidents()).isEqualTo(2);
        assertThat(w.counts().lateIncidents()).isEqualTo(1);
        assertThat(f.ctx.workList().openIncidents(WorkListFilter.building("5栋"), 0, 10).items())
                .extracting(OpenIncident::personName).containsExactly("孙丽");
    }

    @Test
    void today_bringsColoursTimeChangedUpToDateFirst() {
        Person p = f.register("王秀英", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 4, LocalDate.of(2024, 1, 1),
                null));
        f.ctx.colours().setOverride(p.id(), org.caredesk.common.RiskColour.GREEN, "住院", f.today().plusDays(1));
        f.clock.advance(Duration.ofDays(2));

        f.ctx.workList().today(WorkListFilter.ALL, 10);

        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(org.caredesk.common.RiskColour.RED);
    }
}
