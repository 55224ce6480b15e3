package org.caredesk.board.ui;

import java.time.YearMonth;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.Progress;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Page;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PagedList;
import org.caredesk.ui.Paging;
import org.caredesk.ui.TaskRunner;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.BoardService;
import org.caredesk.board.VisitLine;
import org.caredesk.risk.WorkListFilter;

/**
 * The list behind one number of the board: the people of a category and colour, or the person-visits of a month,
 * read page by page with the board's filter, so the list always has as many lines as the number said.
 */
public final class BoardListViewModel implements Paging {
    public static final int PAGE_SIZE = 50;

    /** What the list shows. */
    public enum Kind { PEOPLE, VISITS }

    private final BoardService service;
    private final TaskRunner tasks;
    private final WorkListFilter filter;
    private final Kind kind;
    private final Category category;
    private final RiskColour colour;
    private final YearMonth month;
    private final String title;

    private final ObservableList<BoardPerson> people = FXCollections.observableArrayList();
    private final ObservableList<VisitLine> visits = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final PagedList<Void, Lines> list;

    /** One page of the list: people or person-visits, the other null. */
    private record Lines(Page<BoardPerson> people, Page<VisitLine> visits) {
        Page<?> page() {
            return people != null ? people : visits;
        }
    }

    private BoardListViewModel(BoardService service, TaskRunner tasks, WorkListFilter filter, Kind kind,
            Category category, RiskColour colour, YearMonth month, String title) {
        this.service = service;
        this.tasks = tasks;
        this.filter = filter;
        this.kind = kind;
        this.category = category;
        this.colour = colour;
        this.month = month;
        this.title = title;
        list = new PagedList<Void, Lines>(tasks, PAGE_SIZE, (sort, asc) -> this::read, r -> r.page().total(),
                r -> r.page().items().size(), kind == Kind.PEOPLE ? "board.list.page" : "board.list.visitsPage")
                .onShown(this::show).onFailed(e -> error.set(ErrorMessages.of(e)));
    }

    /** The people behind a count: {@code category} null for every category, {@code colour} null for any. */
    public static BoardListViewModel people(BoardService service, TaskRunner tasks, WorkListFilter filter,
            Category category, RiskColour colour) {
        String what = category == null ? I18n.get("board.allCategories") : I18n.label(category);
        String title = colour == null ? I18n.get("board.list.peopleAnyColour", what)
                : I18n.get("board.list.people", what, I18n.label(colour));
        return new BoardListViewModel(service, tasks, filter, Kind.PEOPLE, category, colour, null,
                withFilter(title, filter));
    }

    /** The person-visits of a month. */
    public static BoardListViewModel visits(BoardService service, TaskRunner tasks, WorkListFilter filter,
            YearMonth month) {
        String title = I18n.get("board.list.visits", String.valueOf(month.getYear()),
                String.valueOf(month.getMonthValue()));
        return new BoardListViewModel(service, tasks, filter, Kind.VISITS, null, null, month,
                withFilter(title, filter));
    }

    private static String withFilter(String title, WorkListFilter f) {
        if (f.building() != null && f.responsibleStaff() != null) {
            return I18n.get("board.list.withBoth", title, f.building(), f.responsibleStaff());
        }
        if (f.building() != null) {
            return I18n.get("board.list.withBuilding", title, f.building());
        }
        if (f.responsibleStaff() != null) {
            return I18n.get("board.list.withStaff", title, f.responsibleStaff());
        }
        return title;
    }

    public void load() {
        list.search();
    }

    private Lines read(int offset, int limit, Progress p) {
        return kind == Kind.PEOPLE ? new Lines(service.people(filter, category, colour, offset, limit), null)
                : new Lines(null, service.visitsIn(month, filter, offset, limit));
    }

    private void show(Lines result) {
        if (kind == Kind.PEOPLE) {
            people.setAll(result.people().items());
        } else {
            visits.setAll(result.visits().items());
        }
        error.set("");
    }

    /** Shows a sentence about something the list started that failed (opening a file). */
    public void showError(String message) {
        error.set(message);
    }

    public Kind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public ObservableList<BoardPerson> people() {
        return people;
    }

    public ObservableList<VisitLine> visits() {
        return visits;
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    @Override
    public PagedList<?, ?> pagedList() {
        return list;
    }
}
