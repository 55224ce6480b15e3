package org.caredesk.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 16: the one paged list model, without a toolkit. */
class PagedListTest {

    /** An answer of the fake service: the rows of a page and how many match. */
    record Rows(List<String> items, long total, String filter) {}

    /** Holds each job until the test finishes it, so answers can arrive in any order. */
    static final class HeldTasks implements TaskRunner {
        final List<Held<?>> jobs = new ArrayList<>();

        final class Held<T> implements Handle {
            final Work<T> work;
            final Consumer<T> onSuccess;
            final Consumer<Throwable> onError;
            boolean cancelled;

            Held(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
                this.work = work;
                this.onSuccess = onSuccess;
                this.onError = onError;
            }

            /** Runs the work and delivers its outcome even when cancelled: the race the model must survive. */
            void finish() {
                T result;
                try {
                    result = work.call(Progress.NONE);
                } catch (Exception e) {
                    onError.accept(e);
                    return;
                }
                onSuccess.accept(result);
            }

            @Override
            public void cancel() {
                cancelled = true;
            }

            @Override
            public boolean isRunning() {
                return true;
            }
        }

        @Override
        public <T> Handle run(Work<T> work, Consumer<T> onSuccess, Consumer<Throwable> onError) {
            Held<T> h = new Held<>(work, onSuccess, onError);
            jobs.add(h);
            return h;
        }
    }

    private final HeldTasks tasks = new HeldTasks();
    private final List<String> reads = new ArrayList<>();
    private final List<Rows> shown = new ArrayList<>();
    private final List<Throwable> failures = new ArrayList<>();
    private int finallyRuns;
    private String filter = "";
    private long rowsInAll = 95;
    private RuntimeException failWith;

    private PagedList<String, Rows> list;

    @BeforeEach
    void setUp() {
        I18n.setLocale(I18n.ENGLISH);
        list = new PagedList<String, Rows>(tasks, 10, (sort, asc) -> {
            String f = filter;
            return (offset, limit, progress) -> {
                reads.add(f + "|" + sort + "|" + asc + "|" + offset + "|" + limit);
                if (failWith != null) {
                    throw failWith;
                }
                long from = Math.min(offset, rowsInAll);
                long to = Math.min(offset + limit, rowsInAll);
                List<String> items = new ArrayList<>();
                for (long i = from; i < to; i++) {
                    items.add(f + i);
                }
                return new Rows(items, rowsInAll, f);
            };
        }, Rows::total, r -> r.items().size(), "people.page").sortedBy("name", true)
                .onShown(shown::add).onFailed(failures::add).andFinally(() -> finallyRuns++);
    }

    private void finish(int job) {
        tasks.jobs.get(job).finish();
    }

    @Test
    void theNewestRequestWins_anOlderSlowerAnswerIsDropped() {
        filter = "a";
        list.search();
        filter = "ab";
        list.search();

        finish(1);
        finish(0);

        assertThat(shown).extracting(Rows::filter).containsExactly("ab");
        assertThat(tasks.jobs.get(0).cancelled).as("the older request is asked to stop").isTrue();
        assertThat(finallyRuns).isEqualTo(1);
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void anOlderFailure_isDroppedToo() {
        list.search();
        list.search();
        failWith = new IllegalStateException("late");
        finish(0);
        failWith = null;
        finish(1);

        assertThat(failures).isEmpty();
        assertThat(shown).hasSize(1);
    }

    @Test
    void pages_moveForwardAndBack_andSayWhereTheyAre() {
        list.search();
        finish(0);
        assertThat(list.pageTextProperty().get()).isEqualTo(I18n.get("people.page", "1", "10", "95"));
        assertThat(list.canPreviousProperty().get()).isFalse();
        assertThat(list.canNextProperty().get()).isTrue();

        list.nextPage();
        finish(1);
        assertThat(reads.get(1)).isEqualTo("|name|true|10|10");
        assertThat(list.pageProperty().get()).isEqualTo(1);
        assertThat(list.canPreviousProperty().get()).isTrue();

        list.previousPage();
        finish(2);
        assertThat(list.pageProperty().get()).isZero();
    }

    @Test
    void sortBy_readsTheFirstPageInTheNewOrder_onceOnly() {
        list.search();
        finish(0);
        list.nextPage();
        finish(1);

        assertThat(list.sortBy("age", false)).isTrue();
        assertThat(list.sortBy("age", false)).as("already sorted so").isFalse();
        finish(2);

        assertThat(tasks.jobs).hasSize(3);
        assertThat(reads.get(2)).isEqualTo("|age|false|0|10");
        assertThat(list.pageProperty().get()).isZero();
        assertThat(list.sort()).isEqualTo("age");
        assertThat(list.ascending()).isFalse();
    }

    @Test
    void aChangedPageSize_isUsedByTheNextRead() {
        list.pageSizeProperty().set(50);
        list.search();
        finish(0);
        assertThat(reads.get(0)).endsWith("|0|50");
        assertThat(list.pageTextProperty().get()).isEqualTo(I18n.get("people.page", "1", "2", "95"));
    }

    @Test
    void aListThatShrank_showsItsLastPage() {
        list.search();
        finish(0);
        list.nextPage();
        finish(1);
        list.nextPage();
        rowsInAll = 12;
        finish(2);

        assertThat(reads.subList(2, 4)).containsExactly("|name|true|20|10", "|name|true|10|10");
        assertThat(list.pageProperty().get()).isEqualTo(1);
        assertThat(shown.get(2).items()).containsExactly("10", "11");
    }

    @Test
    void theFinallyStep_runsOnSuccess() {
        list.search();
        assertThat(list.loadingProperty().get()).isTrue();
        finish(0);
        assertThat(finallyRuns).isEqualTo(1);
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void theFinallyStep_runsOnFailure_andTheFailureIsReported() {
        failWith = new IllegalStateException("database closed");
        list.search();
        finish(0);
        assertThat(failures).singleElement().extracting(Throwable::getMessage).isEqualTo("database closed");
        assertThat(finallyRuns).isEqualTo(1);
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void theFinallyStep_runsOnCancel_andTheLateAnswerIsDropped() {
        list.search();
        list.cancel();
        assertThat(tasks.jobs.get(0).cancelled).isTrue();
        assertThat(finallyRuns).isEqualTo(1);
        assertThat(list.loadingProperty().get()).isFalse();

        finish(0);
        assertThat(shown).isEmpty();
        assertThat(finallyRuns).isEqualTo(1);
    }

    @Test
    void theFinallyStep_runsEvenWhenShowingFails() {
        list.onShown(r -> {
            throw new IllegalStateException("view gone");
        });
        list.search();
        try {
            finish(0);
        } catch (IllegalStateException expected) {
            // The caller's error reaches the task runner's handler; the list must still stop loading.
        }
        assertThat(finallyRuns).isEqualTo(1);
        assertThat(list.loadingProperty().get()).isFalse();
    }

    @Test
    void withTheDirectRunner_aSearchShowsAtOnce() {
        PagedList<Void, Rows> plain = new PagedList<Void, Rows>(new DirectTaskRunner(), 10,
                (sort, asc) -> (offset, limit, p) -> new Rows(List.of("x"), 1, ""), Rows::total,
                r -> r.items().size(), "people.page");
        List<Rows> seen = new ArrayList<>();
        plain.onShown(seen::add).search();
        assertThat(seen).hasSize(1);
        assertThat(plain.totalProperty().get()).isEqualTo(1);
        assertThat(plain.loadingProperty().get()).isFalse();
    }
}
