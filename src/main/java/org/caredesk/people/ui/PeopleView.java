package org.caredesk.people.ui;

import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Window;
import javafx.util.Duration;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.PersonStatus;
import org.caredesk.people.Person;
import org.caredesk.people.PersonQuery;
import org.caredesk.people.PersonRow;
import org.caredesk.security.Permission;
import org.caredesk.ui.ColourBadgeCell;
import org.caredesk.ui.Columns;
import org.caredesk.ui.Debouncer;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.RosterActions;
import org.caredesk.ui.ShortcutTarget;
import org.caredesk.ui.TextChoices;
import org.caredesk.ui.ViewLoader;
import org.controlsfx.control.SearchableComboBox;

/**
 * 人员登记: the searchable, filterable list of people with the registry's actions. Sorting and paging happen in the
 * database; the table only shows one page.
 */
public final class PeopleView implements ShortcutTarget {
    private static final Duration SEARCH_QUIET = Duration.millis(200);

    private final PeopleViewModel vm;
    private final ViewLoader loader;
    private final RosterActions roster;
    private final PersonHistoryLink history;

    @FXML private TextField searchField;
    @FXML private ComboBox<Category> categoryFilter;
    @FXML private ComboBox<RiskColour> colourFilter;
    @FXML private ComboBox<PersonStatus> statusFilter;
    /** Searchable: a large estate has dozens of buildings, and typing "12" finds 12号楼 faster than scrolling. */
    @FXML private SearchableComboBox<String> buildingFilter;
    @FXML private TableView<PersonRow> peopleTable;
    @FXML private TableColumn<PersonRow, String> nameColumn;
    @FXML private TableColumn<PersonRow, String> idColumn;
    @FXML private TableColumn<PersonRow, String> categoriesColumn;
    @FXML private TableColumn<PersonRow, RiskColour> colourColumn;
    @FXML private TableColumn<PersonRow, String> buildingColumn;
    @FXML private TableColumn<PersonRow, String> staffColumn;
    @FXML private TableColumn<PersonRow, String> statusColumn;
    @FXML private Button newButton;
    @FXML private Button editButton;
    @FXML private Button closeButton;
    @FXML private Button historyButton;
    @FXML private Separator fileSeparator;
    @FXML private Button importButton;
    @FXML private Button exportButton;
    @FXML private Button templateButton;
    @FXML private Button previousButton;
    @FXML private Button nextButton;
    @FXML private Label pageLabel;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;

    /**
     * @param roster the list's import / export / template actions
     * @param history opens the audit log's history of a person (the audit room's window)
     */
    public PeopleView(PeopleViewModel vm, ViewLoader loader, RosterActions roster, PersonHistoryLink history) {
        this.vm = vm;
        this.loader = loader;
        this.roster = java.util.Objects.requireNonNull(roster);
        this.history = java.util.Objects.requireNonNull(history);
    }

    @FXML
    private void initialize() {
        Debouncer debouncer = new Debouncer(SEARCH_QUIET, vm::search);
        searchField.textProperty().bindBidirectional(vm.searchTextProperty());
        searchField.textProperty().addListener((obs, old, now) -> debouncer.trigger());

        categoryFilter.getItems().add(null);
        categoryFilter.getItems().addAll(Category.values());
        EnumCells.use(categoryFilter, I18n.get("people.filter.all"));
        categoryFilter.valueProperty().bindBidirectional(vm.categoryProperty());
        colourFilter.getItems().add(null);
        colourFilter.getItems().addAll(RiskColour.RED, RiskColour.YELLOW, RiskColour.GREEN);
        EnumCells.use(colourFilter, I18n.get("people.filter.all"));
        colourFilter.valueProperty().bindBidirectional(vm.colourProperty());
        statusFilter.getItems().add(null);
        statusFilter.getItems().addAll(PersonStatus.values());
        EnumCells.use(statusFilter, I18n.get("people.filter.all"));
        statusFilter.valueProperty().bindBidirectional(vm.statusProperty());
        TextChoices.filter(buildingFilter, vm.buildings(), vm.buildingProperty(), I18n.get("people.filter.all"));

        setUpTable();

        // A button shows only for a user the service would let through (issue 8); the others may still open a file
        // to read it, so 编辑 becomes 查看 for them.
        shownIf(newButton, vm.may(Permission.PEOPLE_WRITE));
        shownIf(closeButton, vm.may(Permission.PEOPLE_CLOSE));
        shownIf(importButton, vm.may(Permission.PEOPLE_IMPORT));
        shownIf(templateButton, vm.may(Permission.PEOPLE_IMPORT));
        shownIf(exportButton, vm.may(Permission.PEOPLE_EXPORT));
        // The line between the file buttons and the Excel buttons only when there are Excel buttons to separate.
        boolean excel = vm.may(Permission.PEOPLE_IMPORT) || vm.may(Permission.PEOPLE_EXPORT);
        fileSeparator.setVisible(excel);
        fileSeparator.setManaged(excel);
        if (!vm.may(Permission.PEOPLE_WRITE)) {
            editButton.setText(I18n.get("people.view"));
        }
        editButton.disableProperty().bind(peopleTable.getSelectionModel().selectedItemProperty().isNull());
        historyButton.disableProperty().bind(peopleTable.getSelectionModel().selectedItemProperty().isNull());
        closeButton.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            PersonRow r = peopleTable.getSelectionModel().getSelectedItem();
            return r == null || r.status() == PersonStatus.CLOSED;
        }, peopleTable.getSelectionModel().selectedItemProperty()));

        Columns.pager(vm, pageLabel, previousButton, nextButton);
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        vm.load();
    }

    private void setUpTable() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().maskedIdNumber()));
        categoriesColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(categories(c.getValue())));
        colourColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().colour()));
        colourColumn.setCellFactory(col -> new ColourBadgeCell<>());
        buildingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().building()));
        staffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().responsibleStaff()));
        statusColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(I18n.label(c.getValue().status())));
        Columns.fillWidth(peopleTable);
        peopleTable.setItems(vm.rows());

        Map<TableColumn<PersonRow, ?>, PersonQuery.Sort> sorts = Map.of(nameColumn, PersonQuery.Sort.NAME,
                colourColumn, PersonQuery.Sort.COLOUR, buildingColumn, PersonQuery.Sort.BUILDING, statusColumn,
                PersonQuery.Sort.STATUS);
        // The database sorts (100,000 people do not fit in a table); the table only reports which column was clicked.
        peopleTable.setSortPolicy(table -> {
            TableColumn<PersonRow, ?> first = table.getSortOrder().isEmpty() ? null : table.getSortOrder().get(0);
            PersonQuery.Sort sort = first == null ? PersonQuery.Sort.NAME : sorts.getOrDefault(first,
                    PersonQuery.Sort.NAME);
            boolean ascending = first == null || first.getSortType() == TableColumn.SortType.ASCENDING;
            vm.sortBy(sort, ascending);
            return true;
        });

        Label placeholder = Columns.placeholder(peopleTable, "");
        placeholder.setId("emptyPlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.emptyTextProperty());
        Columns.openOnDoubleClick(peopleTable, this::edit);
        peopleTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && peopleTable.getSelectionModel().getSelectedItem() != null) {
                edit(peopleTable.getSelectionModel().getSelectedItem());
                e.consume();
            }
        });
    }

    private static void shownIf(Button button, boolean allowed) {
        button.setVisible(allowed);
        button.setManaged(allowed);
    }

    static String categories(PersonRow row) {
        return row.categories().stream().sorted(Comparator.naturalOrder()).map(I18n::label)
                .collect(Collectors.joining(I18n.get("people.listSeparator")));
    }

    private Window window() {
        return peopleTable.getScene() == null ? null : peopleTable.getScene().getWindow();
    }

    @FXML
    @Override
    public void onNew() {
        if (!vm.may(Permission.PEOPLE_WRITE)) {
            return; // Ctrl+N of a user who may not register anyone: the button is not there either
        }
        PersonFormView form = loader.load(PersonFormView.class).controller();
        form.show(window(), null, this::saved);
    }

    @Override
    public void onFind() {
        searchField.requestFocus();
        searchField.selectAll();
    }

    @FXML
    private void onEdit() {
        PersonRow row = peopleTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            edit(row);
        }
    }

    private void edit(PersonRow row) {
        vm.loadPerson(row.id(), person -> {
            PersonFormView form = loader.load(PersonFormView.class).controller();
            form.show(window(), person, this::saved);
        });
    }

    private void saved(Person person) {
        vm.changed(I18n.get("people.saved", person.name()));
    }

    @FXML
    private void onClose() {
        PersonRow row = peopleTable.getSelectionModel().getSelectedItem();
        if (row == null || row.status() == PersonStatus.CLOSED) {
            return;
        }
        vm.loadPerson(row.id(), person -> {
            CloseFileView view = loader.load(CloseFileView.class).controller();
            view.show(window(), person, closed -> vm.changed(I18n.get("people.closed", closed.name())));
        });
    }

    @FXML
    private void onHistory() {
        PersonRow row = peopleTable.getSelectionModel().getSelectedItem();
        if (row != null) {
            history.open(window(), row.id(), row.name());
        }
    }

    @FXML
    private void onImport() {
        roster.importRoster(() -> vm.changed(""));
    }

    @FXML
    private void onExport() {
        roster.exportRoster(vm.exportFilter());
    }

    @FXML
    private void onTemplate() {
        roster.writeTemplate();
    }
}
