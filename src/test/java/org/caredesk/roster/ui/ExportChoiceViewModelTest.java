package org.caredesk.roster.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.caredesk.common.I18n;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ExportChoiceViewModelTest {
    private final ExportChoiceViewModel vm = new ExportChoiceViewModel();

    @BeforeEach
    void chinese() {
        I18n.setLocale(I18n.CHINESE);
    }

    @Test
    void maskedIsTheDefault_andNeedsNoReason() {
        assertThat(vm.fullProperty().get()).isFalse();
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.choice()).isEqualTo(ExportChoiceViewModel.Choice.MASKED);
    }

    @Test
    void full_needsAReason_butDoesNotOpenInRed() {
        vm.fullProperty().set(true);

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.reasonProblemProperty().get()).isEmpty();
        assertThatThrownBy(vm::choice).isInstanceOf(IllegalStateException.class);

        vm.reasonProperty().set("区综治中心");
        vm.reasonProperty().set("  ");
        assertThat(vm.reasonProblemProperty().get()).isEqualTo("导出完整号码必须写明原因。");

        vm.reasonProperty().set("  区综治中心核对名单 ");
        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.reasonProblemProperty().get()).isEmpty();
        assertThat(vm.choice()).isEqualTo(new ExportChoiceViewModel.Choice(true, "区综治中心核对名单"));
    }

    @Test
    void aReasonTooLong_isSaid() {
        vm.fullProperty().set(true);
        vm.reasonProperty().set("长".repeat(201));

        assertThat(vm.validProperty().get()).isFalse();
        assertThat(vm.reasonProblemProperty().get()).isEqualTo("导出原因最多 200 个字。");
    }

    @Test
    void goingBackToMasked_dropsTheReasonRule() {
        vm.fullProperty().set(true);
        vm.reasonProperty().set("x");
        vm.reasonProperty().set("");
        vm.fullProperty().set(false);

        assertThat(vm.validProperty().get()).isTrue();
        assertThat(vm.reasonProblemProperty().get()).isEmpty();
        assertThat(vm.choice()).isEqualTo(ExportChoiceViewModel.Choice.MASKED);
    }
}
