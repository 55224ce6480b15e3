package org.caredesk.audit.ui;

import java.util.UUID;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.audit.ui.PersonHistoryViewModel.Line;
import org.caredesk.ui.FormWindow;

/**
 * 变更记录: a person's change history in a window of its own (or embedded through its root), read-only. Time,
 * user and action are written once per entry, on its first line, so the entries stand out as blocks.
 */
public final class PersonHistoryView {
    private final PersonHistoryViewModel vm;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private TableView<Line> historyTable;
    @FXML private TableColumn<Line, String> timeColumn;
    @FXML private TableColumn<Line, String> userColumn;
    @FXML private TableColumn<Line, String> actionColumn;
    @FXML private TableColumn<Line, String> fieldColumn;
    @FXML private TableColumn<Line, String> oldColumn;
    @FXML private TableColumn<Line, String> newColumn;
    @FXML private Label errorLabel;

    private Stage stage;

    public PersonHistoryView(PersonHistoryViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        timeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().first() ? c.getValue().time()
                : ""));
        userColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().first() ? c.getValue().user()
                : ""));
        actionColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().first()
                ? c.getValue().action() : ""));
        fieldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().field()));
        oldColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().oldValue()));
        newColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().newValue()));
        for (TableColumn<Line, String> col : java.util.List.of(oldColumn, newColumn)) {
            col.setCellFactory(x -> new WrappingCell());
        }
        historyTable.setEditable(false);
        historyTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        historyTable.setItems(vm.lines());
        Label placeholder = new Label();
        placeholder.setId("historyPlaceholder");
        placeholder.textProperty().bind(vm.emptyTextProperty());
        historyTable.setPlaceholder(placeholder);
        titleLabel.textProperty().bind(vm.titleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
    }

    /** Loads a person's history into this view (embedded use). */
    public void load(UUID personId, String name) {
        vm.load(personId, name);
    }

    /** Opens the history in its own window over {@code owner}. */
    public void show(Window owner, UUID personId, String name) {
        load(personId, name);
        stage = FormWindow.over(owner, root).title(vm.titleProperty()).size(900, 560).show();
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void onClose() {
        if (stage != null) {
            stage.close();
        }
    }

    /** Long values (a note) wrap instead of being cut off. */
    private static final class WrappingCell extends TableCell<Line, String> {
        private final Label text = new Label();

        WrappingCell() {
            text.setWrapText(true);
            text.maxWidthProperty().bind(widthProperty().subtract(12));
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            text.setText(empty ? null : item);
            setGraphic(empty ? null : text);
        }
    }
}
