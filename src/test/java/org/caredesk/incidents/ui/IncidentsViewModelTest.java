package org.caredesk.incidents.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.common.I18n;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.incidents.Incident;
import org.caredesk.incidents.IncidentDraft;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The list of open incidents: oldest first, those open too long flagged, how long each has been open. */
class IncidentsViewModelTest {
    @TempDir
    Path dir;
    private VisitsFixture f;
    private IncidentsViewModel vm;
    private Person a;
    private Person b;

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        f = new VisitsFixture(dir);
        a = f.register("张桂兰", VisitsFixture.elderly());
        b = f.register("李强", VisitsFixture.elderly());
        vm = new IncidentsViewModel(f.ctx.incidents(), new DirectTaskRunner(), f.clock, true);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private Incident record(Person p, int hoursAgo) {
        return f.ctx.incidents().record(new IncidentDraft(p.id(), f.now().minusHours(hoursAgo),
                IncidentType.RELAPSE, null, "送医", null, null));
    }

    @Test
    void anIncidentOpenLongerThan24Hours_isFlagged() {
        record(a, 30);
        record(b, 2);
        vm.refresh();
        assertThat(vm.open()).extracting(OpenIncident::personName).containsExactly("张桂兰", "李强");
        assertThat(vm.open()).extracting(OpenIncident::late).containsExactly(true, false);
        assertThat(vm.status(vm.open().get(0))).isEqualTo("超过 24 小时未办结");
        assertThat(vm.status(vm.open().get(1))).isEqualTo("处置中");
        assertThat(vm.openFor(vm.open().get(0))).isEqualTo("1 天 6 小时");
        assertThat(vm.openFor(vm.open().get(1))).isEqualTo("2 小时");
        assertThat(vm.summaryProperty().get()).isEqualTo("2 件未办结，其中 1 件超过 24 小时未办结");

        f.advance(Duration.ofHours(23));
        vm.refresh();
        assertThat(vm.open()).extracting(OpenIncident::late).containsExactly(true, true);
    }

    @Test
    void incidentsWithinTheLimit_saySo_andAFreshOneCountsMinutes() {
        f.ctx.incidents().record(new IncidentDraft(a.id(), f.now().minusMinutes(20), IncidentType.SELF_HARM, null,
                "送医", null, null));
        vm.refresh();
        assertThat(vm.summaryProperty().get()).isEqualTo("1 件未办结，都在 24 小时以内");
        assertThat(vm.openFor(vm.open().get(0))).isEqualTo("20 分钟");
    }

    @Test
    void nothingOpen_saysSo() {
        vm.refresh();
        assertThat(vm.open()).isEmpty();
        assertThat(vm.summaryProperty().get()).isEqualTo("全部应急事件都已办结。");
    }

    @Test
    void afterTheFormSaved_theListSaysWhatHappened() {
        Incident i = record(a, 1);
        vm.saved(i);
        assertThat(vm.noticeProperty().get()).isEqualTo("已记录 张桂兰 的应急事件，张桂兰 已标为红色。");
        assertThat(vm.open()).hasSize(1);

        Incident closed = f.ctx.incidents().close(i.id(), "已处理", i.version());
        vm.saved(closed);
        assertThat(vm.noticeProperty().get()).isEqualTo("张桂兰 的应急事件已办结。");
        assertThat(vm.open()).isEmpty();
    }

    @Test
    void aClosedIncident_isNotOpenedForEditing() {
        Incident i = record(a, 1);
        vm.refresh();
        f.ctx.incidents().close(i.id(), "已处理", i.version());
        List<Incident> loaded = new ArrayList<>();
        vm.loadIncident(i.id(), loaded::add);
        assertThat(loaded).isEmpty();
        assertThat(vm.errorProperty().get()).isEqualTo("这条应急事件已经办结，不能再修改。");
        assertThat(vm.open()).isEmpty();
    }
}
