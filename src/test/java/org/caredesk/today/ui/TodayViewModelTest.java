package org.caredesk.today.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Person;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.today.DueItem;
import org.caredesk.visits.VisitsFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TodayViewModelTest {
    private final VisitsFixture f = new VisitsFixture(Path.of("target", "today-vm-test"));
    private final TodayViewModel vm = new TodayViewModel(f.ctx.workList(), f.ctx.board(), new DirectTaskRunner(),
            true);

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void load_countsEachListInItsHeader_andFillsTheFilterChoices() {
        f.register("甲", "1号楼", "李社工", VisitsFixture.elderly());
        f.register("乙", "2号楼", "王社工", VisitsFixture.elderly());
        f.advanceDays(31);
        vm.load();
        assertThat(vm.overdue().items()).hasSize(2);
        assertThat(vm.overdue().headerProperty().get()).isEqualTo("逾期未走访（2）");
        assertThat(vm.dueThisWeek().headerProperty().get()).isEqualTo("本周应走访（0）");
        assertThat(vm.staffChoices()).containsExactly("李社工", "王社工");
        assertThat(vm.buildingChoices()).containsExactly("1号楼", "2号楼");
        assertThat(vm.dueText(vm.overdue().items().get(0))).isEqualTo("逾期 1 天");
    }

    @Test
    void choosingAStaffMember_narrowsEveryList() {
        f.register("甲", "1号楼", "李社工", VisitsFixture.elderly());
        f.register("乙", "2号楼", "王社工", VisitsFixture.elderly());
        f.advanceDays(31);
        vm.load();
        vm.staffProperty().set("王社工");
        assertThat(vm.overdue().items()).extracting(DueItem::name).containsExactly("乙");
        vm.staffProperty().set(null);
        vm.buildingProperty().set("1号楼");
        assertThat(vm.overdue().items()).extracting(DueItem::name).containsExactly("甲");
    }

    @Test
    void showMore_appendsTheNextPage_untilAllAreShown() {
        for (int i = 0; i < TodayViewModel.PAGE_SIZE + 5; i++) {
            f.register("人员" + i, VisitsFixture.elderly());
        }
        f.advanceDays(31);
        vm.load();
        assertThat(vm.overdue().items()).hasSize(TodayViewModel.PAGE_SIZE);
        assertThat(vm.overdue().hasMoreProperty().get()).isTrue();
        vm.showMore(TodayViewModel.SectionId.OVERDUE);
        assertThat(vm.overdue().items()).hasSize(TodayViewModel.PAGE_SIZE + 5);
        assertThat(vm.overdue().items()).doesNotHaveDuplicates();
        assertThat(vm.overdue().hasMoreProperty().get()).isFalse();
    }

    @Test
    void aSavedVisit_takesThePersonOffTheOverdueList_atTheNextRefresh() {
        Person p = f.register("甲", VisitsFixture.elderly());
        f.advanceDays(31);
        vm.load();
        assertThat(vm.overdue().items()).hasSize(1);
        f.visitNow(p);
        vm.refresh();
        assertThat(vm.overdue().items()).isEmpty();
        assertThat(vm.overdue().countProperty().get()).isZero();
    }

    @Test
    void dueThisWeek_saysWhenAndWhat() {
        f.register("甲", VisitsFixture.elderly());
        // Registered Monday 2 June; green: due 30 days later, Wednesday 2 July. On Monday 30 June it is this week.
        f.advanceDays(28);
        vm.load();
        assertThat(vm.dueThisWeek().items()).hasSize(1);
        DueItem item = vm.dueThisWeek().items().get(0);
        assertThat(item.colour()).isEqualTo(RiskColour.GREEN);
        assertThat(vm.dueText(item)).isEqualTo("2025-07-02");
        assertThat(vm.dueWhat(item)).isEqualTo("走访");
        assertThat(vm.dateTextProperty().get()).isEqualTo("今天 2025-06-30，本周到 2025-07-06");
    }
}
