package org.caredesk.risk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.risk.ColourOverride;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OverrideViewModelTest {
    private final VisitsFixture f = new VisitsFixture(Path.of("target", "override-vm-test"));
    private final OverrideViewModel vm = new OverrideViewModel(f.ctx.colours(), new DirectTaskRunner(), f.clock);
    private final List<String> done = new ArrayList<>();

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aReasonIsRequired_andNothingIsSavedWithoutIt() {
        Person p = f.register("甲", VisitsFixture.elderly());
        vm.start(p.id(), null);
        assertThat(vm.expiresOn().value()).isEqualTo(f.ctx.colours().defaultOverrideExpiry());
        vm.colourProperty().set(RiskColour.RED);
        vm.reasonProperty().set("   ");
        assertThat(vm.problemsProperty().get()).containsExactly("请填写调整原因。");
        assertThat(vm.validProperty().get()).isFalse();
        vm.set(done::add);
        assertThat(done).isEmpty();
        assertThat(f.ctx.colours().activeOverride(p.id())).isEmpty();
    }

    @Test
    void set_thenRenew_thenClear() {
        Person p = f.register("甲", VisitsFixture.elderly());
        vm.start(p.id(), null);
        vm.colourProperty().set(RiskColour.YELLOW);
        vm.reasonProperty().set("家属反映情绪波动");
        vm.expiresOn().set(f.today().plusDays(30));
        vm.set(done::add);
        assertThat(done).containsExactly("已将颜色调整为黄色，到 2025-07-02 为止。");
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.YELLOW);

        ColourOverride active = f.ctx.colours().activeOverride(p.id()).orElseThrow();
        OverrideViewModel again = new OverrideViewModel(f.ctx.colours(), new DirectTaskRunner(), f.clock);
        again.start(p.id(), active);
        assertThat(again.reasonProperty().get()).isEqualTo("家属反映情绪波动");
        again.expiresOn().set(f.today().plusDays(60));
        again.renew(done::add);
        assertThat(f.ctx.colours().activeOverride(p.id()).orElseThrow().expiresOn())
                .isEqualTo(f.today().plusDays(60));
        again.clear(done::add);
        assertThat(f.ctx.colours().activeOverride(p.id())).isEmpty();
        assertThat(f.ctx.colours().current(p.id()).colour()).isEqualTo(RiskColour.GREEN);
    }

    @Test
    void aLastDayInThePast_isRefused() {
        Person p = f.register("甲", VisitsFixture.elderly());
        vm.start(p.id(), null);
        vm.colourProperty().set(RiskColour.RED);
        vm.reasonProperty().set("原因");
        vm.expiresOn().set(f.today().minusDays(1));
        assertThat(vm.problemsProperty().get()).containsExactly("人工调整的到期日不能早于今天。");
        vm.expiresOn().textProperty().set("明天");
        assertThat(vm.problemsProperty().get()).containsExactly("有效期请写成 2025-06-02 这样的格式。");
    }
}
