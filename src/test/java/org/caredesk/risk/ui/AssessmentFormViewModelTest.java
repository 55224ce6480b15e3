package org.caredesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AssessmentFormViewModelTest {
    private final VisitsFixture f = new VisitsFixture(Path.of("target", "assessment-vm-test"));
    private final AssessmentFormViewModel vm = new AssessmentFormViewModel(f.ctx.assessments(),
            new DirectTaskRunner(), f.clock);
    private final List<Assessment> saved = new ArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void everyAnswerAtItsWorst_showsTheTotalAndRed_andSavingMakesThePersonRed() {
        Person p = f.register("评估甲", VisitsFixture.elderly());
        vm.start(p.id());
        vm.assessedOn().textProperty().set(LocalDate.now(f.clock).toString());
        for (AssessmentItem item : AssessmentItem.values()) {
            vm.scoreProperty(item).set(AssessmentItem.MAX_SCORE);
        }

        int max = AssessmentItem.values().length * AssessmentItem.MAX_SCORE;
        assertThat(vm.colourProperty().get()).isEqualTo(RiskColour.RED);
        assertThat(vm.totalTextProperty().get()).contains(String.valueOf(max));
        assertThat(vm.validProperty().get()).isTrue();

        vm.save(saved::add);

        assertThat(saved).singleElement().satisfies(a -> assertThat(a.total()).isEqualTo(max));
        assertThat(f.ctx.assessments().latest(p.id())).isPresent();
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.RED);
    }

    @Test
    void anUnansweredQuestionOrAFutureDate_isNamed_andNothingIsSaved() {
        Person p = f.register("评估乙", VisitsFixture.elderly());
        vm.start(p.id());
        vm.assessedOn().textProperty().set(LocalDate.now(f.clock).plusDays(1).toString());
        for (AssessmentItem item : AssessmentItem.values()) {
            if (item != AssessmentItem.MENTAL_STATE) {
                vm.scoreProperty(item).set(0);
            }
        }

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.problemsProperty().get()).anyMatch(s -> s.contains("精神状态")).hasSize(2);
        vm.save(saved::add);
        assertThat(saved).isEmpty();
        assertThat(f.ctx.assessments().latest(p.id())).isEmpty();
    }
}
