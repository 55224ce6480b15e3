package org.caredesk.board.ui;

import java.util.UUID;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.board.BoardPerson;
import org.caredesk.board.VisitLine;
import org.caredesk.ui.PersonFileOpener;
import org.caredesk.ui.ColourBadgeCell;
import org.caredesk.ui.Columns;
import org.caredesk.ui.FormWindow;

/** The people (or person-visits) behind a number of the board, in a window of its own, page by page. */
public final class BoardListView {
    private final PersonFileOpener files;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private TableView<BoardPerson> behindPeopleTable;
    @FXML private TableColumn<BoardPerson, String> nameColumn;
    @FXML private TableColumn<BoardPerson, RiskColour> colourColumn;
    @FXML private TableColumn<BoardPerson, String> categoriesColumn;
    @FXML private TableColumn<BoardPerson, String> reasonColumn;
    @FXML private TableColumn<BoardPerson, String> lastVisitColumn;
    @FXML private TableColumn<BoardPerson, String> nextDueColumn;
    @FXML private TableColumn<BoardPerson, String> buildingColumn;
    @FXML private TableColumn<BoardPerson, String> staffColumn;
    @FXML private TableView<VisitLine> behindVisitsTable;
    @FXML private TableColumn<VisitLine, String> visitDateColumn;
    @FXML private TableColumn<VisitLine, String> visitPersonColumn;
    @FXML private TableColumn<VisitLine, String> visitTypeColumn;
    @FXML private TableColumn<VisitLine, String> visitStaffColumn;
    @FXML private Label errorLabel;
    @FXML private Button openFileButton;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;

    private BoardListViewModel vm;
    private Stage stage;
    private Runnable afterChange = () -> {};

    public BoardListView(PersonFileOpener files) {
        this.files = files;
    }

    @FXML
    private void initialize() {
        BoardTexts.personColumns(nameColumn, categoriesColumn, reasonColumn, lastVisitColumn, nextDueColumn,
                buildingColumn, staffColumn);
        colourColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().colour()));
        colourColumn.setCellFactory(col -> new ColourBadgeCell<>());
        visitDateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                BoardTexts.date(c.getValue().visitDate())));
        visitPersonColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personName()));
        visitTypeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().type() == null ? "" : I18n.label(c.getValue().type())));
        visitStaffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().staff()));
        Columns.fillWidth(behindPeopleTable);
        Columns.fillWidth(behindVisitsTable);
        Columns.openOnDoubleClick(behindPeopleTable, p -> open(p.personId()));
        Columns.openOnDoubleClick(behindVisitsTable, v -> open(v.personId()));
        Columns.placeholder(behindPeopleTable, I18n.get("board.list.none"));
        Columns.placeholder(behindVisitsTable, I18n.get("board.list.noVisits"));
    }

    /**
     * @param afterChange runs when a file opened from the list was saved (the board's numbers may have changed)
     */
    public void show(Window owner, BoardListViewModel model, Runnable afterChange) {
        this.vm = model;
        this.afterChange = afterChange;
        boolean people = model.kind() == BoardListViewModel.Kind.PEOPLE;
        behindPeopleTable.setVisible(people);
        behindVisitsTable.setVisible(!people);
        behindPeopleTable.setItems(model.people());
        behindVisitsTable.setItems(model.visits());
        titleLabel.setText(model.title());
        Columns.pager(model, pageLabel, previousButton, nextButton);
        errorLabel.textProperty().bind(model.errorProperty());
        errorLabel.visibleProperty().bind(model.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        openFileButton.disableProperty().bind(Bindings.createBooleanBinding(() -> selected() == null,
                behindPeopleTable.getSelectionModel().selectedItemProperty(),
                behindVisitsTable.getSelectionModel().selectedItemProperty()));

        stage = FormWindow.over(owner, root).title(model.title()).show();
        model.load();
    }

    private UUID selected() {
        if (vm == null) {
            return null;
        }
        if (vm.kind() == BoardListViewModel.Kind.PEOPLE) {
            BoardPerson p = behindPeopleTable.getSelectionModel().getSelectedItem();
            return p == null ? null : p.personId();
        }
        VisitLine v = behindVisitsTable.getSelectionModel().getSelectedItem();
        return v == null ? null : v.personId();
    }

    private void open(UUID personId) {
        files.open(stage, personId, vm::showError, () -> {
            vm.load();
            afterChange.run();
        });
    }

    @FXML
    private void onOpenFile() {
        UUID id = selected();
        if (id != null) {
            open(id);
        }
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
