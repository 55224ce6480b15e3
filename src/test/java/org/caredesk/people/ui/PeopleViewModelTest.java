package org.caredesk.people.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.caredesk.app.AppContext;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Membership;
import org.caredesk.people.Person;
import org.caredesk.people.PersonDraft;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.DirectTaskRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PeopleViewModelTest {
    private static final LocalDate TODAY = LocalDate.of(2024, 6, 1);
    private AppContext ctx;
    private PersonService people;

    @BeforeEach
    void open() {
        ctx = AppContext.inMemory(Path.of("target", "test-data"),
                Clock.fixed(TODAY.atStartOfDay(ZoneId.systemDefault()).toInstant(), ZoneId.systemDefault()));
        people = ctx.people();
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private List<String> names(PeopleViewModel vm) {
        return vm.rows().stream().map(PersonRow::name).toList();
    }

    private void registerMany(int n) {
        List<PersonDraft> drafts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            drafts.add(PersonDraft.minimal("居民" + i, TestPeople.id("19600101", i),
                    List.of(Membership.of(Category.ELDERLY_ALONE))));
        }
        people.registerAll(drafts);
    }

    @Test
    void search_newestRequestWins_whenAnOlderSlowerSearchFinishesLast() {
        TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "1号楼");
        TestPeople.elderly(people, "李四", TestPeople.id("19700101", 3), "2号楼");
        ManualTasks tasks = new ManualTasks();
        PeopleViewModel vm = new PeopleViewModel(people, tasks);

        vm.searchTextProperty().set("zsf");
        vm.search();
        vm.searchTextProperty().set("李");
        vm.search();
        assertThat(vm.loadingProperty().get()).isTrue();

        tasks.finish(1);
        assertThat(names(vm)).containsExactly("李四");
        assertThat(vm.loadingProperty().get()).isFalse();

        tasks.finish(0);
        assertThat(names(vm)).as("the older search for zsf finished last and must not replace the newer result")
                .containsExactly("李四");
        assertThat(vm.totalProperty().get()).isEqualTo(1);
    }

    @Test
    void search_anOlderSearchFinishingFirst_doesNotEndLoading() {
        TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "1号楼");
        ManualTasks tasks = new ManualTasks();
        PeopleViewModel vm = new PeopleViewModel(people, tasks);
        vm.searchTextProperty().set("z");
        vm.search();
        vm.searchTextProperty().set("zs");
        vm.search();

        tasks.finish(0);
        assertThat(vm.loadingProperty().get()).isTrue();
        assertThat(vm.rows()).isEmpty();
        tasks.finish(1);
        assertThat(names(vm)).containsExactly("张三丰");
    }

    @Test
    void pageCount_isAtLeastOneAndRoundsUp() {
        assertThat(PeopleViewModel.pageCount(0, 50)).isEqualTo(1);
        assertThat(PeopleViewModel.pageCount(1, 50)).isEqualTo(1);
        assertThat(PeopleViewModel.pageCount(50, 50)).isEqualTo(1);
        assertThat(PeopleViewModel.pageCount(51, 50)).isEqualTo(2);
        assertThat(PeopleViewModel.pageCount(100_000, 50)).isEqualTo(2000);
    }

    @Test
    void paging_walksThePagesInTheDatabase() {
        registerMany(120);
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 3 页，共 120 人");
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.canPreviousProperty().get()).isFalse();
        assertThat(vm.canNextProperty().get()).isTrue();

        List<String> first = names(vm);
        vm.nextPage();
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 2 / 3 页，共 120 人");
        assertThat(names(vm)).doesNotContainAnyElementsOf(first);
        vm.nextPage();
        assertThat(vm.rows()).hasSize(20);
        assertThat(vm.canNextProperty().get()).isFalse();
        vm.nextPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(2);

        vm.previousPage();
        assertThat(vm.pageIndexProperty().get()).isEqualTo(1);
        vm.searchTextProperty().set("居民1");
        vm.search();
        assertThat(vm.pageIndexProperty().get()).as("a new search starts on the first page").isZero();
    }

    @Test
    void refresh_afterTheLastPageEmptied_showsTheNewLastPage() {
        registerMany(51);
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        vm.nextPage();
        PersonRow only = vm.rows().get(0);
        Person p = people.find(only.id()).orElseThrow();
        people.close(p.id(), CloseReason.MOVED_AWAY, TODAY, null, p.version());

        vm.refresh();
        assertThat(vm.pageIndexProperty().get()).isZero();
        assertThat(vm.rows()).hasSize(50);
        assertThat(vm.pageTextProperty().get()).isEqualTo("第 1 / 1 页，共 50 人");
    }

    @Test
    void statusFilter_closedFilesOnlyUnderClosedOrAll() {
        Person a = TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "1号楼");
        TestPeople.elderly(people, "李四", TestPeople.id("19700101", 3), "2号楼");
        people.close(a.id(), CloseReason.DECEASED, TODAY, null, a.version());
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        assertThat(vm.statusProperty().get()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(names(vm)).containsExactly("李四");

        vm.statusProperty().set(PersonStatus.CLOSED);
        assertThat(names(vm)).containsExactly("张三丰");
        vm.statusProperty().set(null);
        assertThat(names(vm)).containsExactlyInAnyOrder("张三丰", "李四");
    }

    @Test
    void filters_categoryColourAndBuildingAreAppliedAndExported() {
        TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "1号楼");
        TestPeople.strictCorrection(people, "李四", TestPeople.id("19700101", 3), "2号楼");
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        assertThat(vm.buildings()).containsExactly("1号楼", "2号楼");

        vm.colourProperty().set(RiskColour.RED);
        assertThat(names(vm)).containsExactly("李四");
        vm.colourProperty().set(null);
        vm.categoryProperty().set(Category.ELDERLY_ALONE);
        assertThat(names(vm)).containsExactly("张三丰");
        vm.categoryProperty().set(null);
        vm.buildingProperty().set("2号楼");
        assertThat(names(vm)).containsExactly("李四");

        vm.searchTextProperty().set(" 李 ");
        PersonQuery export = vm.exportFilter();
        assertThat(export.text()).isEqualTo("李");
        assertThat(export.building()).isEqualTo("2号楼");
        assertThat(export.status()).isEqualTo(PersonStatus.ACTIVE);
        assertThat(export.offset()).isZero();
    }

    @Test
    void sortBy_colourDescending_putsRedFirstAcrossPages() {
        registerMany(60);
        TestPeople.strictCorrection(people, "钟红", TestPeople.id("19700101", 900), "9号楼");
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        assertThat(names(vm)).doesNotContain("钟红");

        assertThat(vm.sortBy(PersonQuery.Sort.COLOUR, false)).isTrue();
        assertThat(names(vm).get(0)).isEqualTo("钟红");
        assertThat(vm.sortBy(PersonQuery.Sort.COLOUR, false)).as("same sort again does not query").isFalse();
    }

    @Test
    void emptyText_tellsWhetherNobodyIsRegisteredOrNobodyMatches() {
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        assertThat(vm.emptyTextProperty().get()).contains("还没有登记任何人员");
        TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "1号楼");
        vm.searchTextProperty().set("不存在的人");
        vm.search();
        assertThat(vm.rows()).isEmpty();
        assertThat(vm.emptyTextProperty().get()).contains("没有找到符合条件的人员");
    }

    @Test
    void changed_showsNoticeAndReloadsListAndBuildings() {
        PeopleViewModel vm = new PeopleViewModel(people, new DirectTaskRunner());
        vm.load();
        TestPeople.elderly(people, "张三丰", TestPeople.id("19491231", 2), "3号楼");
        vm.changed("已保存 张三丰 的档案。");
        assertThat(vm.noticeProperty().get()).isEqualTo("已保存 张三丰 的档案。");
        assertThat(names(vm)).containsExactly("张三丰");
        assertThat(vm.buildings()).containsExactly("3号楼");
    }
}
