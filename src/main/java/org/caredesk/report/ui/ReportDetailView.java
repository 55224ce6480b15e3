package org.caredesk.report.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.report.DetailRow;
import org.caredesk.ui.FormWindow;
import org.caredesk.ui.PersonFileOpener;

/**
 * The rows behind one figure of the report, in a window of its own: the same people the count counted, numbers
 * masked; a double click (or 打开档案) opens the person's file, as the board's lists do.
 */
public final class ReportDetailView {
    /** A row and, for a rate, whether its numerator counts it too. */
    public record Line(DetailRow row, String part) {}

    private final PersonFileOpener files;

    @FXML private VBox root;
    @FXML private Label titleLabel;
    @FXML private TableView<Line> rowsTable;
    @FXML private TableColumn<Line, String> nameColumn;
    @FXML private TableColumn<Line, String> idColumn;
    @FXML private TableColumn<Line, String> buildingColumn;
    @FXML private TableColumn<Line, String> staffColumn;
    @FXML private TableColumn<Line, String> dateColumn;
    @FXML private TableColumn<Line, String> noteColumn;
    @FXML private TableColumn<Line, String> partColumn;
    @FXML private Label errorLabel;
    @FXML private Button openFileButton;

    private Stage stage;

    public ReportDetailView(PersonFileOpener files) {
        this.files = files;
    }

    @FXML
    private void initialize() {
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().name()
                + (c.getValue().row().fictitious() ? I18n.get("report.screen.fictitiousMark") : "")));
        idColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().maskedIdNumber()));
        buildingColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().building()));
        staffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().staff()));
        dateColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().date() == null ? ""
                : c.getValue().row().date().toString()));
        noteColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().row().note()));
        partColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().part()));
        rowsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        Label none = new Label(I18n.get("report.screen.noRows"));
        none.getStyleClass().add("table-placeholder");
        rowsTable.setPlaceholder(none);
        rowsTable.setRowFactory(t -> {
            TableRow<Line> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    open(row.getItem().row().personId());
                }
            });
            return row;
        });
        openFileButton.disableProperty().bind(rowsTable.getSelectionModel().selectedItemProperty().isNull());
        errorLabel.visibleProperty().bind(errorLabel.textProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
    }

    public void show(Window owner, ReportViewModel.Detail detail) {
        titleLabel.setText(detail.title());
        List<Line> lines = new ArrayList<>(detail.rows().size());
        for (int i = 0; i < detail.rows().size(); i++) {
            lines.add(new Line(detail.rows().get(i), detail.parts().isEmpty() ? "" : detail.parts().get(i)));
        }
        rowsTable.setItems(FXCollections.observableArrayList(lines));
        // Only a rate's list says which rows its numerator counts too.
        partColumn.setVisible(!detail.parts().isEmpty());
        stage = FormWindow.over(owner, root).title(detail.title()).show();
    }

    private void open(UUID personId) {
        errorLabel.setText("");
        // The report is a picture of the month's end: a change saved in the file shows when it is computed again.
        files.open(stage, personId, errorLabel::setText, () -> { });
    }

    @FXML
    private void onOpenFile() {
        Line line = rowsTable.getSelectionModel().getSelectedItem();
        if (line != null) {
            open(line.row().personId());
        }
    }

    @FXML
    private void onClose() {
        stage.close();
    }
}
