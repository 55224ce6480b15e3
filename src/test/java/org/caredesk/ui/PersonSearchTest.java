package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Page;
import org.caredesk.people.PersonRow;
import org.junit.jupiter.api.Test;

/** The person picker of the visit and incident forms, without a toolkit: the newest search wins. */
class PersonSearchTest {
    private final PagedListTest.HeldTasks tasks = new PagedListTest.HeldTasks();
    private final List<String> searched = new ArrayList<>();
    private final PersonSearch picker = new PersonSearch(tasks, text -> {
        searched.add(text);
        return new Page<>(List.of(row(text + "一"), row(text + "二")), 0, 5);
    }, page -> "还有 " + (page.total() - page.items().size()) + " 人");

    private static PersonRow row(String name) {
        return new PersonRow(UUID.randomUUID(), name, "110***", null, Set.of(), RiskColour.GREEN, null, null, null,
                PersonStatus.ACTIVE, false);
    }

    private List<String> names() {
        return picker.results().stream().map(PersonRow::name).toList();
    }

    @Test
    void anOlderSlowerAnswer_neverReplacesTheNewerOne() {
        picker.textProperty().set(" 张 ");
        picker.search();
        picker.textProperty().set("张三");
        picker.search();
        tasks.jobs.get(1).finish();
        tasks.jobs.get(0).finish();
        assertThat(searched).containsExactly("张三", "张");
        assertThat(names()).containsExactly("张三一", "张三二");
        assertThat(picker.noteProperty().get()).isEqualTo("还有 3 人");
    }

    @Test
    void anAnswerArrivingAfterAChoice_isDropped_andBlankTextSearchesNothing() {
        picker.textProperty().set("李");
        picker.search();
        picker.clear();
        tasks.jobs.get(0).finish();
        assertThat(names()).isEmpty();
        assertThat(picker.textProperty().get()).isEmpty();
        assertThat(picker.noteProperty().get()).isEmpty();

        picker.textProperty().set("   ");
        picker.search();
        assertThat(tasks.jobs).hasSize(1);
    }

    @Test
    void aFailure_isToldInTheNote_orWhereTheFormSays() {
        PersonSearch failing = new PersonSearch(tasks, text -> {
            throw new IllegalStateException("boom");
        }, page -> "");
        failing.textProperty().set("王");
        failing.search();
        tasks.jobs.get(0).finish();
        assertThat(failing.noteProperty().get()).isNotEmpty();

        List<Throwable> told = new ArrayList<>();
        failing.onError(told::add);
        failing.search();
        tasks.jobs.get(1).finish();
        assertThat(told).hasSize(1);
    }
}
