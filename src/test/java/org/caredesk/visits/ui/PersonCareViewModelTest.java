package org.caredesk.visits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.risk.ColourSource;
import org.caredesk.visits.Insight;
import org.caredesk.visits.VisitPerson;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PersonCareViewModelTest {
    private final VisitsFixture f = new VisitsFixture(Path.of("target", "person-care-vm-test"));
    private final PersonCareViewModel vm = new PersonCareViewModel(f.ctx.visits(), f.ctx.colours(),
            new DirectTaskRunner(), true, true);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void visitsNewestFirst_withThisPersonsOwnPart() {
        Person p = f.register("乙", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 0, f.today(),
                Medication.REGULAR));
        f.advanceDays(1);
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id()).withMental(0, null, Insight.FULL, null, true)));
        f.advanceDays(7);
        f.ctx.visits().save(f.visit(f.now(), VisitPerson.of(p.id()).withMental(4, "夜间吵闹", null, null, null)));
        vm.load(p.id(), "乙");
        assertThat(vm.visits()).hasSize(2);
        assertThat(vm.visitsTitleProperty().get()).isEqualTo("走访记录（2）");
        assertThat(PersonCareViewModel.when(vm.visits().get(0))).isEqualTo("2025-06-10 09:00");
        assertThat(vm.part(vm.visits().get(0))).isEqualTo("风险等级 4 级；夜间吵闹");
        assertThat(vm.part(vm.visits().get(1))).isEqualTo("风险等级 0 级；自知力完全；已签知情同意书");
        assertThat(vm.colourProperty().get()).isEqualTo(RiskColour.RED);
        assertThat(vm.colourTextProperty().get()).startsWith("现在是红色：精神障碍风险等级 4 级");
    }

    @Test
    void timelineNewestFirst_andTheOverrideShownAsSuch() {
        Person p = f.register("甲", VisitsFixture.elderly());
        f.advanceDays(1);
        f.ctx.colours().setOverride(p.id(), RiskColour.YELLOW, "独居且近期住院", f.today().plusDays(30));
        vm.load(p.id(), "甲");
        assertThat(vm.timeline()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(vm.timeline().get(0).source()).isEqualTo(ColourSource.OVERRIDE);
        assertThat(PersonCareViewModel.change(vm.timeline().get(0))).isEqualTo("绿 → 黄");
        assertThat(vm.overrideTextProperty().get())
                .startsWith("人工调整为黄色，到 2025-07-03 为止。原因：独居且近期住院（");
        assertThat(vm.colourTextProperty().get()).startsWith("现在是黄色（人工调整）：人工调整：独居且近期住院");
        assertThat(vm.visits()).isEmpty();
    }
}
