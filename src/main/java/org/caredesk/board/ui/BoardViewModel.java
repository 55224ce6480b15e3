package org.caredesk.board.ui;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PagedList;
import org.caredesk.ui.TaskRunner;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.BoardService;
import org.caredesk.board.ColourCount;
import org.caredesk.board.MonthCount;
import org.caredesk.risk.WorkListFilter;

/**
 * The three-colour warning board (三色预警看板): counts by category and colour, the colour totals, person-visits per
 * month and the red people, all under one filter (building, responsible staff). One refresh reads everything in
 * one background task, so the numbers on screen always belong together; the newest refresh wins.
 */
public final class BoardViewModel {
    /** Bars of the visits chart: the last twelve months, the current one last. */
    public static final int MONTHS = 12;
    public static final int RED_PAGE_SIZE = 50;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final BoardService service;
    private final TaskRunner tasks;
    private final Supplier<LocalDateTime> now;

    private final ObjectProperty<String> building = new SimpleObjectProperty<>();
    private final ObjectProperty<String> staff = new SimpleObjectProperty<>();
    private final ObservableList<String> buildings = FXCollections.observableArrayList();
    private final ObservableList<String> staffNames = FXCollections.observableArrayList();

    private final ObservableList<ColourCount> counts = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ColourCount> totals = new ReadOnlyObjectWrapper<>(
            new ColourCount(null, 0, 0, 0));
    private final ObservableList<MonthCount> months = FXCollections.observableArrayList();
    private final ObservableList<BoardPerson> redPeople = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper redTitle = new ReadOnlyStringWrapper(I18n.get("board.red.title", "0"));
    private final ReadOnlyStringWrapper updated = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

    private WorkListFilter shown = WorkListFilter.ALL;
    private final PagedList<Void, Snapshot> redList;

    /** What one refresh reads. */
    private record Snapshot(List<ColourCount> counts, List<MonthCount> months, Page<BoardPerson> red,
            List<String> buildings, List<String> staff, WorkListFilter filter) {}

    public BoardViewModel(BoardService service, TaskRunner tasks, Supplier<LocalDateTime> now) {
        this.service = service;
        this.tasks = tasks;
        this.now = now;
        redList = new PagedList<Void, Snapshot>(tasks, RED_PAGE_SIZE, (sort, asc) -> reader(filter()),
                s -> s.red().total(), s -> s.red().items().size(), "board.red.page").onShown(this::show)
                .onFailed(e -> error.set(ErrorMessages.of(e)));
        building.addListener((obs, old, value) -> filterChanged());
        staff.addListener((obs, old, value) -> filterChanged());
    }

    /** The filter the choices make now; the numbers on screen were read with {@link #shownFilter()}. */
    public WorkListFilter filter() {
        return new WorkListFilter(staff.get(), building.get());
    }

    /** The filter the numbers on screen were read with: the lists behind them use it too. */
    public WorkListFilter shownFilter() {
        return shown;
    }

    private void filterChanged() {
        redList.search();
    }

    /** Reads the whole board again with the current filter. */
    public void refresh() {
        redList.refresh();
    }

    public void nextRedPage() {
        redList.nextPage();
    }

    public void previousRedPage() {
        redList.previousPage();
    }

    /**
     * The board's reads with the filter chosen now; the red list's page is the shared list's to choose. One read-only
     * snapshot for all of it: the totals, the bars and the red list must agree (decisions 0016, 0023).
     */
    private PagedList.Reader<Snapshot> reader(WorkListFilter f) {
        return (offset, limit, p) -> service.atOneMoment(board -> {
            List<ColourCount> c = board.colourCounts(f);
            List<MonthCount> m = board.visitsPerMonth(f, MONTHS);
            Page<BoardPerson> red = board.redPeople(f, offset, limit);
            return new Snapshot(c, m, red, board.buildings(), board.responsibleStaff(), f);
        });
    }

    private void show(Snapshot s) {
        shown = s.filter();
        counts.setAll(s.counts().stream().filter(c -> c.category() != null).toList());
        totals.set(s.counts().stream().filter(c -> c.category() == null).findFirst()
                .orElse(new ColourCount(null, 0, 0, 0)));
        months.setAll(s.months());
        redPeople.setAll(s.red().items());
        redTitle.set(I18n.get("board.red.title", String.valueOf(s.red().total())));
        keepChoices(buildings, s.buildings(), building.get());
        keepChoices(staffNames, s.staff(), staff.get());
        error.set("");
        updated.set(I18n.get("board.updated", TIME.format(now.get())));
    }

    /** The choices in use, keeping the chosen one even when nobody has it any more (so it can be cleared). */
    private static void keepChoices(ObservableList<String> list, List<String> inUse, String chosen) {
        List<String> next = new java.util.ArrayList<>(inUse);
        if (chosen != null && !next.contains(chosen)) {
            next.add(chosen);
        }
        if (!list.equals(next)) {
            list.setAll(next);
        }
    }

    /** The list behind a count of the board, read with the filter the count was read with. */
    public BoardListViewModel peopleBehind(Category category,
            RiskColour colour) {
        return BoardListViewModel.people(service, tasks, shown, category, colour);
    }

    /** The person-visits behind a bar of the visits chart. */
    public BoardListViewModel visitsIn(YearMonth month) {
        return BoardListViewModel.visits(service, tasks, shown, month);
    }

    /** Clears both filters. */
    public void clearFilters() {
        building.set(null);
        staff.set(null);
    }

    public ObjectProperty<String> buildingProperty() {
        return building;
    }

    public ObjectProperty<String> staffProperty() {
        return staff;
    }

    public ObservableList<String> buildings() {
        return buildings;
    }

    public ObservableList<String> staffNames() {
        return staffNames;
    }

    /** One line per category, in the order of the categories. */
    public ObservableList<ColourCount> counts() {
        return counts;
    }

    /** Everyone, by colour (a person in two categories counts once here). */
    public ReadOnlyObjectProperty<ColourCount> totalsProperty() {
        return totals.getReadOnlyProperty();
    }

    public ObservableList<MonthCount> months() {
        return months;
    }

    public ObservableList<BoardPerson> redPeople() {
        return redPeople;
    }

    public int redTotal() {
        return (int) redList.totalProperty().get();
    }

    /** "红色预警人员（12 人）". */
    public ReadOnlyStringProperty redTitleProperty() {
        return redTitle.getReadOnlyProperty();
    }

    /** Shows a sentence about something the board started that failed (opening a file). */
    public void showError(String message) {
        error.set(message);
    }

    public ReadOnlyStringProperty redPageTextProperty() {
        return redList.pageTextProperty();
    }

    public ReadOnlyBooleanProperty canPreviousRedProperty() {
        return redList.canPreviousProperty();
    }

    public ReadOnlyBooleanProperty canNextRedProperty() {
        return redList.canNextProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return redList.loadingProperty();
    }

    /** "更新于 09:30": when the numbers on screen were read. */
    public ReadOnlyStringProperty updatedProperty() {
        return updated.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
