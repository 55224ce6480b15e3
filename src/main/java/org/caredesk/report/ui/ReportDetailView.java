package org.caredesk.report.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.report.DetailRow;
import org.caredesk.ui.Columns;
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
        Columns.text(nameColumn, l -> l.row().name()
                + (l.row().fictitious() ? I18n.get("report.screen.fictitiousMark") : ""));
        Columns.text(idColumn, l -> l.row().maskedIdNumber());
        Columns.text(buildingColumn, l -> l.row().building());
        Columns.text(staffColumn, l -> l.row().staff());
        Columns.text(dateColumn, l -> l.row().date() == null ? "" : l.row().date().toString());
        Columns.text(noteColumn, l -> l.row().note());
        Columns.text(partColumn, Line::part);
        Columns.fillWidth(rowsTable);
        Columns.placeholder(rowsTable, I18n.get("report.screen.noRows"));
        Columns.openOnDoubleClick(rowsTable, l -> open(l.row().personId()));
        openFileButton.disableProperty().bind(rowsTable.getSelectionModel().selectedItemProperty().isNull());
        Columns.message(errorLabel);
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
