package org.caredesk.visits.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.visits.Need;
import org.caredesk.common.UrineResult;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitType;
import org.caredesk.visits.VisitsFixture;
import org.caredesk.ui.TimeText;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VisitFormViewModelTest {
    private final VisitsFixture f = new VisitsFixture(Path.of("target", "visit-form-vm-test"));
    private final VisitFormViewModel vm = new VisitFormViewModel(f.ctx.visits(), f.ctx.people(),
            new DirectTaskRunner(), f.clock);
    private final List<Visit> saved = new ArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void start_proposesNowAHomeVisitTheUserAndTheRulesNextVisit() {
        Person p = f.register("甲", VisitsFixture.elderly());
        vm.start(List.of(p.id()));
        assertThat(vm.date().value()).isEqualTo(f.today());
        assertThat(vm.timeProperty().get()).isEqualTo("09:00");
        assertThat(vm.typeProperty().get()).isEqualTo(VisitType.HOME);
        assertThat(vm.staffProperty().get()).isEqualTo("test");
        assertThat(vm.parts()).hasSize(1);
        assertThat(vm.parts().get(0).nextVisit().value()).isEqualTo(f.today().plusDays(30));
        assertThat(vm.parts().get(0).proposalProperty().get()).isEqualTo("按规则应在 2025-07-02 前再次走访（走访后为绿色）");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void aFutureTime_isRefusedNamingTheField() {
        Person p = f.register("甲", VisitsFixture.elderly());
        vm.start(List.of(p.id()));
        vm.timeProperty().set("10:30");
        assertThat(vm.problemsProperty().get()).containsExactly("走访时间不能晚于现在。");
        assertThat(vm.validProperty().get()).isFalse();
        vm.timeProperty().set("25:00");
        assertThat(vm.problemsProperty().get()).containsExactly("走访时间请写成 09:30 这样的格式（24 小时制）。");
        vm.timeProperty().set("8点30");
        assertThat(vm.validProperty().get()).isTrue();
    }

    @Test
    void parseTime_acceptsTheWaysPeopleWriteIt() {
        assertThat(TimeText.parse("9:05").orElse(null)).isEqualTo(LocalTime.of(9, 5));
        assertThat(TimeText.parse("０９：３０").orElse(null)).isEqualTo(LocalTime.of(9, 30));
        assertThat(TimeText.parse("14点20分").orElse(null)).isEqualTo(LocalTime.of(14, 20));
        assertThat(TimeText.parse("930").orElse(null)).isNull();
        assertThat(TimeText.parse("").orElse(null)).isNull();
    }

    @Test
    void aRiskLevelOfThree_proposesTheUnstableInterval_unlessTheCaseworkerTypedADate() {
        Person p = f.register("乙", Membership.mentalDisorder(Diagnosis.SCHIZOPHRENIA, 0, f.today(),
                Medication.REGULAR));
        vm.start(List.of(p.id()));
        VisitPartModel part = vm.parts().get(0);
        assertThat(vm.problemsProperty().get()).containsExactly("请为 乙 选择本次评估的风险等级。");
        part.riskLevelProperty().set(3);
        assertThat(part.nextVisit().value()).isEqualTo(f.today().plusDays(7));
        part.nextVisit().set(f.today().plusDays(5));
        part.riskLevelProperty().set(4);
        assertThat(part.nextVisit().value()).as("typed by the caseworker").isEqualTo(f.today().plusDays(5));
        part.nextVisit().set(f.today());
        assertThat(vm.problemsProperty().get()).containsExactly("乙 的下次走访日期应晚于这次走访的日期。");
    }

    @Test
    void save_writesTheVisitWithEachPersonsOwnPart() {
        Person drug = f.register("丙", Membership.drugUser(DrugProgramme.COMMUNITY_REHAB, f.today().minusMonths(2)));
        Person old = f.register("丁", VisitsFixture.elderly());
        vm.start(List.of(drug.id()));
        vm.personSearchProperty().set("丁");
        vm.searchPeople();
        assertThat(vm.searchResults()).extracting(r -> r.name()).containsExactly("丁");
        vm.addPerson(old.id());
        vm.addPerson(old.id());
        assertThat(vm.parts()).hasSize(2);
        vm.parts().get(0).urineResultProperty().set(UrineResult.NEGATIVE);
        vm.needProperty(Need.EMPLOYMENT).set(true);
        vm.findingsProperty().set("  情况稳定 ");
        assertThat(vm.isDirty()).isTrue();
        vm.save(saved::add);
        assertThat(saved).hasSize(1);
        Visit v = saved.get(0);
        assertThat(v.data().people()).hasSize(2);
        assertThat(v.partOf(drug.id()).orElseThrow().urineResult()).isEqualTo(UrineResult.NEGATIVE);
        assertThat(v.partOf(drug.id()).orElseThrow().urineDate()).isEqualTo(f.today());
        assertThat(v.partOf(old.id()).orElseThrow().urineResult()).isNull();
        assertThat(v.data().findings()).isEqualTo("情况稳定");
        assertThat(VisitFormViewModel.names(v)).isEqualTo("丙、丁");
    }

    @Test
    void aRefusalFromTheService_isShownAndNothingIsLost() {
        Person p = f.register("戊", VisitsFixture.elderly());
        vm.start(List.of(p.id()));
        vm.findingsProperty().set("已搬走");
        f.ctx.people().close(p.id(), org.caredesk.people.Enums.CloseReason.values()[0], f.today(), null,
                f.ctx.people().find(p.id()).orElseThrow().version());
        vm.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("戊 的档案已经销册，不能再记录走访。");
        assertThat(vm.findingsProperty().get()).isEqualTo("已搬走");
    }
}
