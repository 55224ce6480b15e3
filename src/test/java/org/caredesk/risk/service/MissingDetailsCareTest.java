package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourTexts;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.Schedule;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/**
 * Issue 9: a person registered without the details a rule needs (资料待补) gets no guessed answer: the colour says
 * the detail is unknown, and a patient whose level nobody knows is followed up within two weeks.
 */
@OnBothDatabases
class MissingDetailsCareTest {
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

    private Schedule schedule(Person p) {
        return new CareRepository().schedule(f.ctx.database().dsl(), p.id()).orElseThrow();
    }

    @Test
    void aPatientWithoutARiskLevel_isNotCalledRiskFree_andIsFollowedUpWithinTwoWeeks() {
        Person p = f.register("王秀英", Membership.mentalDisorder(null, null, null, null));

        Schedule s = schedule(p);
        assertThat(s.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(s.reason()).isEqualTo(ColourReason.DETAILS_MISSING);
        assertThat(ColourTexts.reason(s.reason(), s.detail())).isEqualTo("危险性等级未知（资料待补），暂无风险因素");
        assertThat(s.nextVisitDue()).isEqualTo(f.today().plusDays(14));
        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::reason)
                .containsExactly(ColourReason.DETAILS_MISSING);
    }

    @Test
    void fillingInTheLevel_givesTheRulesAnswer() {
        Person p = f.register("王秀英", Membership.mentalDisorder(null, null, null, null));
        PersonDraft d = p.data();
        PersonDraft completed = new PersonDraft(d.name(), d.idType(), d.idNumber(), d.ethnicity(), d.phone1(),
                d.phone2(), d.estate(), d.building(), d.unit(), d.room(), d.householdAddress(), d.livingSituation(),
                d.emergencyName(), d.emergencyRelation(), d.emergencyPhone(), d.responsibleStaff(), d.note(),
                List.of(Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 0, null, null)));

        f.ctx.people().update(p.id(), completed, p.version());

        Schedule s = schedule(p);
        assertThat(s.reason()).isEqualTo(ColourReason.MENTAL_LEVEL);
        assertThat(s.nextVisitDue()).isEqualTo(f.today().plusDays(30));
    }

    @Test
    void aDrugUserWithoutAProgrammeStart_hasNoProgrammeEnd() {
        Membership drug = Membership.drugUser(DrugProgramme.COMMUNITY_DETOX, null);

        assertThat(drug.drugEndDate(3)).isNull();
        Person p = f.register("赵强", drug);
        // Tests are planned from registration in the first year's cadence (the most frequent), not stopped.
        assertThat(schedule(p).nextUrineDue()).isEqualTo(f.today().plusMonths(1));
    }
}
