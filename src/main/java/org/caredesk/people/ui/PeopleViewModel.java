package org.caredesk.people.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.common.Text;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Page;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.people.service.PersonService;
import org.caredesk.security.Permission;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PagePosition;
import org.caredesk.ui.PagedList;
import org.caredesk.ui.Paging;
import org.caredesk.ui.TaskRunner;

/**
 * State of the people list: search text, filters, sort and page, all answered by the database. Paging, sort and
 * "the newest search wins" are the shared {@link PagedList}'s.
 */
public final class PeopleViewModel implements Paging {
    private final PersonService service;
    private final TaskRunner tasks;

    private final StringProperty searchText = new SimpleStringProperty("");
    private final ObjectProperty<Category> category = new SimpleObjectProperty<>();
    private final ObjectProperty<RiskColour> colour = new SimpleObjectProperty<>();
    private final ObjectProperty<PersonStatus> status = new SimpleObjectProperty<>(PersonStatus.ACTIVE);
    private final ObjectProperty<String> building = new SimpleObjectProperty<>();
    private final ObservableList<String> buildings = FXCollections.observableArrayList();

    private final ObservableList<PersonRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final PagedList<PersonQuery.Sort, Found> list;

    /** One page and whether the search that found it had any filter (for the empty-table sentence). */
    private record Found(Page<PersonRow> page, boolean anyFilter) {}

    public PeopleViewModel(PersonService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        list = new PagedList<PersonQuery.Sort, Found>(tasks, PersonQuery.DEFAULT_PAGE_SIZE, this::reader,
                f -> f.page().total(), f -> f.page().items().size(), "people.page")
                .sortedBy(PersonQuery.Sort.NAME, true).onShown(this::show)
                .onFailed(e -> error.set(ErrorMessages.of(e)));
        category.addListener((obs, old, now) -> search());
        colour.addListener((obs, old, now) -> search());
        status.addListener((obs, old, now) -> search());
        building.addListener((obs, old, now) -> search());
        list.pageSizeProperty().addListener((obs, old, now) -> search());
        emptyText.set(I18n.get("people.empty.none"));
    }

    /** Loads the building filter's choices and the first page. */
    public void load() {
        loadBuildings();
        search();
    }

    public void loadBuildings() {
        tasks.run(p -> service.buildings(), list -> {
            String chosen = building.get();
            buildings.setAll(list);
            if (chosen != null && !list.contains(chosen)) {
                buildings.add(chosen);
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** Reads a person's record (for the form or 销册) off the FX thread, numbers masked as in the row. */
    public void loadPerson(UUID id, Consumer<Person> onLoaded) {
        tasks.run(p -> service.view(id), found -> {
            if (found.isPresent()) {
                onLoaded.accept(found.get());
            } else {
                error.set(I18n.get("error.personNotFound"));
                refresh();
            }
        }, e -> error.set(ErrorMessages.of(e)));
    }

    /** After a save or a 销册: say so, and show the change in the list. */
    public void changed(String noticeText) {
        notice.set(noticeText);
        loadBuildings();
        refresh();
    }

    /** A new search from the first page: the text or a filter changed. */
    public void search() {
        list.search();
    }

    /** Runs the current search again on the same page, e.g. after a save. */
    public void refresh() {
        list.refresh();
    }

    /** Sorts by a column in the database; a no-op when already sorted so (the table asks again after each load). */
    public boolean sortBy(PersonQuery.Sort newSort, boolean newAscending) {
        return list.sortBy(newSort, newAscending);
    }

    /** Whether the logged-in user may do what {@code permission} allows: the list shows only such actions. */
    public boolean may(Permission permission) {
        return service.may(permission);
    }

    public PersonQuery.Sort sort() {
        return list.sort();
    }

    public boolean ascending() {
        return list.ascending();
    }

    /** The current filters and sort on a given page. */
    public PersonQuery query(int page, int size) {
        return new PersonQuery(Text.clean(searchText.get()), category.get(), colour.get(), status.get(),
                building.get(), list.sort(), list.ascending(), page * size, size);
    }

    /** What an export should contain: the current filters and sort, every page. */
    public PersonQuery exportFilter() {
        return query(0, list.pageSizeProperty().get());
    }

    /** The filters as they are now, read on the FX thread; the worker reads the pages with them. */
    private PagedList.Reader<Found> reader(PersonQuery.Sort sort, boolean ascending) {
        PersonQuery q = query(0, 1);
        boolean anyFilter = q.text() != null || q.category() != null || q.colour() != null || q.building() != null
                || q.status() != PersonStatus.ACTIVE;
        return (offset, limit, p) -> new Found(service.search(new PersonQuery(q.text(), q.category(), q.colour(),
                q.status(), q.building(), sort, ascending, offset, limit)), anyFilter);
    }

    private void show(Found found) {
        error.set("");
        rows.setAll(found.page().items());
        total.set(found.page().total());
        emptyText.set(I18n.get(found.anyFilter() ? "people.empty.noMatch" : "people.empty.none"));
    }

    /** Number of pages for a total: at least one, so an empty list still reads "page 1 of 1". */
    public static int pageCount(int total, int size) {
        return PagePosition.pageCount(total, size);
    }

    public StringProperty searchTextProperty() {
        return searchText;
    }

    public ObjectProperty<Category> categoryProperty() {
        return category;
    }

    public ObjectProperty<RiskColour> colourProperty() {
        return colour;
    }

    public ObjectProperty<PersonStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<String> buildingProperty() {
        return building;
    }

    public ObservableList<String> buildings() {
        return buildings;
    }

    public ObservableList<PersonRow> rows() {
        return rows;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** The sentence shown instead of an empty table: nobody registered yet, or nobody matches. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return list.loadingProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A short confirmation of the last action ("已保存 张三丰 的档案。"). */
    public StringProperty noticeProperty() {
        return notice;
    }

    @Override
    public PagedList<?, ?> pagedList() {
        return list;
    }
}
