package org.caredesk.risk.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.db.OnBothDatabases;
import org.caredesk.db.TestDatabase;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.risk.ColourChange;
import org.caredesk.risk.ColourReason;
import org.caredesk.risk.ColourSource;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.risk.data.CareRepository.Schedule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;

/** The registry and the colour: registration, edits, closing, and people from before visits existed. */
@OnBothDatabases
class RegistryColourTest {
    @Parameter
    TestDatabase database;

    @TempDir
    Path dir;
    private VisitsFixture f;

    @BeforeEach
    void open() {
        f = new VisitsFixture(dir, database);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static Membership mental(int level) {
        return Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, level, LocalDate.of(2024, 1, 5), null);
    }

    @Test
    void registering_startsTheTimelineAndTheSchedule() {
        Person p = f.register("王秀英", mental(3));

        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::from, ColourChange::to,
                ColourChange::source, ColourChange::reason).containsExactly(tuple(null, RiskColour.RED,
                        ColourSource.RULE, ColourReason.MENTAL_LEVEL));
        // Never visited: due within the colour's interval from registration.
        assertThat(f.ctx.visits().subject(p.id()).nextVisitDue()).isEqualTo(f.today().plusDays(7));
    }

    @Test
    void editingTheRegistrysLevel_changesTheColourWithATimelineEntry_andTheFileShowsIt() {
        Person p = f.register("王秀英", mental(0));
        PersonDraft d = p.data();
        PersonDraft edited = new PersonDraft(d.name(), d.idType(), d.idNumber(), d.ethnicity(), d.phone1(),
                d.phone2(), d.estate(), d.building(), d.unit(), d.room(), d.householdAddress(), d.livingSituation(),
                d.emergencyName(), d.emergencyRelation(), d.emergencyPhone(), d.responsibleStaff(), d.note(),
                List.of(mental(2)));

        Person updated = f.ctx.people().update(p.id(), edited, p.version());

        assertThat(updated.colour()).isEqualTo(RiskColour.YELLOW);
        assertThat(f.ctx.colours().timeline(p.id())).extracting(ColourChange::to)
                .containsExactly(RiskColour.GREEN, RiskColour.YELLOW);
    }

    @Test
    void anEdit_keepsAColourTheRegistryAloneWouldNotGive() {
        Person p = f.register("张桂兰", VisitsFixture.elderly());
        f.ctx.colours().setOverride(p.id(), RiskColour.RED, "独居且近期跌倒", null);
        Person now = f.ctx.people().find(p.id()).orElseThrow();

        Person updated = f.ctx.people().update(p.id(), now.data(), now.version());

        assertThat(updated.colour()).isEqualTo(RiskColour.RED);
        assertThat(f.ctx.people().find(p.id()).orElseThrow().colour()).isEqualTo(RiskColour.RED);
    }

    @Test
    void closingAFile_keepsItsColour_butNothingIsDueAnyMore() {
        Person p = f.register("王秀英", mental(4));

        f.ctx.people().close(p.id(), CloseReason.DECEASED, f.today(), null, p.version());

        Schedule s = new CareRepository().schedule(f.ctx.database().dsl(), p.id()).orElseThrow();
        assertThat(s.active()).isFalse();
        assertThat(s.colour()).isEqualTo(RiskColour.RED);
        assertThat(s.nextDue()).isNull();
        assertThat(s.consentMissing()).isFalse();
    }

    @Test
    void peopleFromBeforeVisitsExisted_getTheirScheduleOnce() {
        Person p = f.register("王秀英", mental(4));
        f.ctx.database().dsl().execute("delete from person_schedule");
        f.ctx.database().dsl().execute("delete from colour_change");

        assertThat(f.ctx.care().backfill(f.ctx.database().dsl())).isEqualTo(1);
        assertThat(f.ctx.care().backfill(f.ctx.database().dsl())).isZero();

        assertThat(f.ctx.colours().timeline(p.id())).singleElement().satisfies(c -> {
            assertThat(c.from()).isNull();
            assertThat(c.to()).isEqualTo(RiskColour.RED);
            assertThat(c.changedBy()).isEqualTo("system");
        });
        assertThat(f.ctx.visits().subject(p.id()).nextVisitDue()).isNotNull();
    }
}
