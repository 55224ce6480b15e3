package org.caredesk.ui;

import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import java.util.function.ToLongFunction;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import org.caredesk.common.Progress;

/**
 * The paging of every list the database answers page by page (people, audit log, incidents, the board's red list
 * and the lists behind its numbers): which page, how large, the sort, "第 x / y 页" and the buttons' state. Filter,
 * sort and page are the service's to apply in SQL; this model only says which page and sort it wants.
 *
 * <p>Requests may finish out of order (a short search text matches more rows and can be slower), so each carries a
 * number and only the newest one's answer is shown. When the newest request ends (shown, failed or cancelled) the
 * finally step runs once, so a "loading" flag is never left on.
 *
 * @param <S> the sort key ({@code Void} for a list in a fixed order)
 * @param <R> what the service answers for one page
 */
public final class PagedList<S, R> {

    /** Reads one page with the filter captured when the request was made; runs on a worker thread. */
    @FunctionalInterface
    public interface Reader<R> {
        R read(int offset, int limit, Progress progress) throws Exception;
    }

    /**
     * Called on the FX thread for each request: captures the filter as it is now (the worker must not read the
     * screen's properties) and returns the read of any page with it and the given order.
     */
    @FunctionalInterface
    public interface Source<S, R> {
        Reader<R> prepare(S sort, boolean ascending);
    }

    private record Answer<R>(R result, int page) {}

    private final TaskRunner tasks;
    private final Source<S, R> source;
    private final ToLongFunction<R> totalOf;
    private final ToIntFunction<R> countOf;
    private final String pageTextKey;

    private final ReadOnlyIntegerWrapper page = new ReadOnlyIntegerWrapper();
    private final IntegerProperty pageSize;
    private final ReadOnlyLongWrapper total = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();

    private Consumer<R> onShown = r -> { };
    private Consumer<Throwable> onFailed = e -> { };
    private Runnable andFinally = () -> { };

    private S sort;
    private boolean ascending = true;
    private long latestRequest;
    private TaskRunner.Handle running;

    /**
     * @param totalOf how many rows match in all, from an answer
     * @param countOf how many rows the answer's page holds
     * @param pageTextKey text key of the page line, with page, pages and total as arguments
     */
    public PagedList(TaskRunner tasks, int pageSize, Source<S, R> source, ToLongFunction<R> totalOf,
            ToIntFunction<R> countOf, String pageTextKey) {
        this.tasks = tasks;
        this.source = source;
        this.totalOf = totalOf;
        this.countOf = countOf;
        this.pageTextKey = pageTextKey;
        this.pageSize = new SimpleIntegerProperty(pageSize);
        updatePaging();
    }

    /** What to do with the newest answer (on the FX thread). */
    public PagedList<S, R> onShown(Consumer<R> action) {
        onShown = action;
        return this;
    }

    /** What to do when the newest request failed. */
    public PagedList<S, R> onFailed(Consumer<Throwable> action) {
        onFailed = action;
        return this;
    }

    /** Runs once when the newest request ends, whether it was shown, failed or was cancelled. */
    public PagedList<S, R> andFinally(Runnable action) {
        andFinally = action;
        return this;
    }

    /** Sets the starting order without reading. */
    public PagedList<S, R> sortedBy(S key, boolean asc) {
        sort = key;
        ascending = asc;
        return this;
    }

    /** From the first page: the filter changed. */
    public void search() {
        load(0);
    }

    /** The page shown, read again (after a save, or to see what others wrote). */
    public void refresh() {
        load(page.get());
    }

    public void nextPage() {
        if (canNext.get()) {
            load(page.get() + 1);
        }
    }

    public void previousPage() {
        if (canPrevious.get()) {
            load(page.get() - 1);
        }
    }

    /** Sorts in the database; a no-op when already sorted so (a table asks again after each load). */
    public boolean sortBy(S key, boolean asc) {
        if (Objects.equals(key, sort) && asc == ascending) {
            return false;
        }
        sort = key;
        ascending = asc;
        search();
        return true;
    }

    /** Reads a page; an answer of any earlier request is dropped from now on. */
    public void load(int wantedPage) {
        long request = ++latestRequest;
        if (running != null) {
            running.cancel();
        }
        int first = Math.max(0, wantedPage);
        int size = pageSize.get();
        Reader<R> reader = source.prepare(sort, ascending);
        loading.set(true);
        running = tasks.run(p -> read(reader, first, size, p), answer -> {
            if (request != latestRequest) {
                return;
            }
            try {
                show(answer);
            } finally {
                finish();
            }
        }, e -> {
            if (request != latestRequest) {
                return;
            }
            try {
                onFailed.accept(e);
            } finally {
                finish();
            }
        });
    }

    /** Stops waiting for the newest request: its answer, if it comes, is dropped, and the finally step runs now. */
    public void cancel() {
        if (!loading.get()) {
            return;
        }
        latestRequest++;
        if (running != null) {
            running.cancel();
        }
        finish();
    }

    private Answer<R> read(Reader<R> reader, int wanted, int size, Progress progress) throws Exception {
        R result = reader.read(wanted * size, size, progress);
        long all = totalOf.applyAsLong(result);
        if (countOf.applyAsInt(result) == 0 && all > 0 && wanted > 0) {
            // The list shrank under us (someone closed the last row of the last page): show the last page there is.
            int last = PagePosition.pageCount(all, size) - 1;
            return new Answer<>(reader.read(last * size, size, progress), last);
        }
        return new Answer<>(result, wanted);
    }

    private void show(Answer<R> answer) {
        page.set(answer.page());
        total.set(totalOf.applyAsLong(answer.result()));
        updatePaging();
        onShown.accept(answer.result());
    }

    private void finish() {
        running = null;
        loading.set(false);
        andFinally.run();
    }

    private void updatePaging() {
        PagePosition at = PagePosition.of(page.get(), total.get(), pageSize.get());
        pageText.set(at.text(pageTextKey));
        canPrevious.set(at.canPrevious());
        canNext.set(at.canNext());
    }

    public S sort() {
        return sort;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Zero-based. */
    public ReadOnlyIntegerProperty pageProperty() {
        return page.getReadOnlyProperty();
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
    }

    public ReadOnlyLongProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pageTextProperty() {
        return pageText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canPreviousProperty() {
        return canPrevious.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canNextProperty() {
        return canNext.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
