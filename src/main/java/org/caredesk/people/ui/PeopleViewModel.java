package org.caredesk.people.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
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
import org.caredesk.ui.TaskRunner;

/**
 * State of the people list: search text, filters, sort and page, all answered by the database. Searches may
 * finish out of order (a short text matches more rows and can be slower), so each carries a number and only the
 * newest one's result is shown.
 */
public final class PeopleViewModel {
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
    private final ReadOnlyIntegerWrapper pageIndex = new ReadOnlyIntegerWrapper();
    private final IntegerProperty pageSize = new SimpleIntegerProperty(PersonQuery.DEFAULT_PAGE_SIZE);
    private final ReadOnlyStringWrapper pageText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper canPrevious = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper canNext = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper emptyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final StringProperty error = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private boolean anyFilter;

    private PersonQuery.Sort sort = PersonQuery.Sort.NAME;
    private boolean ascending = true;
    private long latestRequest;

    public PeopleViewModel(PersonService service, TaskRunner tasks) {
        this.service = service;
        this.tasks = tasks;
        category.addListener((obs, old, now) -> search());
        colour.addListener((obs, old, now) -> search());
        status.addListener((obs, old, now) -> search());
        building.addListener((obs, old, now) -> search());
        pageSize.addListener((obs, old, now) -> search());
        updatePaging();
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
        query(0);
    }

    /** Runs the current search again on the same page, e.g. after a save. */
    public void refresh() {
        query(pageIndex.get());
    }

    public void nextPage() {
        if (canNext.get()) {
            query(pageIndex.get() + 1);
        }
    }

    public void previousPage() {
        if (canPrevious.get()) {
            query(pageIndex.get() - 1);
        }
    }

    /** Sorts by a column in the database; a no-op when already sorted so (the table asks again after each load). */
    public boolean sortBy(PersonQuery.Sort newSort, boolean newAscending) {
        if (newSort == sort && newAscending == ascending) {
            return false;
        }
        sort = newSort;
        ascending = newAscending;
        search();
        return true;
    }

    /** Whether the logged-in user may do what {@code permission} allows: the list shows only such actions. */
    public boolean may(Permission permission) {
        return service.may(permission);
    }

    public PersonQuery.Sort sort() {
        return sort;
    }

    public boolean ascending() {
        return ascending;
    }

    /** The current filters and sort on a given page. */
    public PersonQuery query(int page, int size) {
        return new PersonQuery(Text.clean(searchText.get()), category.get(), colour.get(), status.get(),
                building.get(), sort, ascending, page * size, size);
    }

    /** What an export should contain: the current filters and sort, every page. */
    public PersonQuery exportFilter() {
        return query(0, pageSize.get());
    }

    private void query(int page) {
        long request = ++latestRequest;
        PersonQuery q = query(Math.max(0, page), pageSize.get());
        loading.set(true);
        tasks.run(p -> service.search(q), result -> {
            if (request != latestRequest) {
                return;
            }
            // The list shrank under us (someone closed the last person of the last page): show the new last page.
            if (result.items().isEmpty() && result.total() > 0 && q.offset() > 0) {
                query(lastPage(result.total(), q.limit()));
                return;
            }
            loading.set(false);
            error.set("");
            show(result, q);
        }, e -> {
            if (request != latestRequest) {
                return;
            }
            loading.set(false);
            error.set(ErrorMessages.of(e));
        });
    }

    private void show(Page<PersonRow> page, PersonQuery q) {
        rows.setAll(page.items());
        total.set(page.total());
        pageIndex.set(q.offset() / q.limit());
        anyFilter = q.text() != null || q.category() != null || q.colour() != null || q.building() != null
                || q.status() != PersonStatus.ACTIVE;
        updatePaging();
    }

    /** Number of pages for a total: at least one, so an empty list still reads "page 1 of 1". */
    public static int pageCount(int total, int size) {
        return PagePosition.pageCount(total, size);
    }

    static int lastPage(int total, int size) {
        return pageCount(total, size) - 1;
    }

    private void updatePaging() {
        PagePosition at = PagePosition.of(pageIndex.get(), total.get(), pageSize.get());
        pageText.set(at.text("people.page"));
        canPrevious.set(at.canPrevious());
        canNext.set(at.canNext());
        emptyText.set(I18n.get(anyFilter ? "people.empty.noMatch" : "people.empty.none"));
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

    /** Zero-based. */
    public ReadOnlyIntegerProperty pageIndexProperty() {
        return pageIndex.getReadOnlyProperty();
    }

    public IntegerProperty pageSizeProperty() {
        return pageSize;
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

    /** The sentence shown instead of an empty table: nobody registered yet, or nobody matches. */
    public ReadOnlyStringProperty emptyTextProperty() {
        return emptyText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** A short confirmation of the last action ("已保存 张三丰 的档案。"). */
    public StringProperty noticeProperty() {
        return notice;
    }
}
