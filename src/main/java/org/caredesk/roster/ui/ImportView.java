package org.caredesk.roster.ui;

import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.text.Text;
import org.caredesk.roster.service.ImportProblem;

/**
 * The import dialog: the dry run's summary, every problem in a table (行, 列, 问题), and an 导入 button that is
 * enabled only when the file is clean. Binds to an {@link ImportViewModel}; holds no state of its own.
 */
public final class ImportView {
    @FXML
    private Label fileLabel;
    @FXML
    private Label summaryLabel;
    @FXML
    private TableView<ImportProblem> problemTable;
    @FXML
    private TableColumn<ImportProblem, String> rowColumn;
    @FXML
    private TableColumn<ImportProblem, String> columnColumn;
    @FXML
    private TableColumn<ImportProblem, String> problemColumn;
    @FXML
    private HBox progressBox;
    @FXML
    private ProgressBar importProgress;
    @FXML
    private Label progressLabel;
    @FXML
    private Label errorLabel;
    @FXML
    private Button cancelButton;
    @FXML
    private Button closeButton;
    @FXML
    private Button importButton;

    private ImportViewModel vm;
    private Runnable close = () -> {};

    @FXML
    private void initialize() {
        rowColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ImportViewModel.rowText(c.getValue())));
        columnColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(
                c.getValue().column() == null ? "" : c.getValue().column()));
        problemColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(ImportViewModel.problemText(c.getValue())));
        problemColumn.setCellFactory(WrappingCell::new);
        // The problem column takes whatever width the row and column columns leave.
        problemTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
    }

    /** Connects the view to its model; {@code close} closes the dialog's window. */
    public void bind(ImportViewModel model, Runnable closeWindow) {
        this.vm = model;
        this.close = closeWindow;
        fileLabel.textProperty().bind(model.fileTextProperty());
        summaryLabel.textProperty().bind(model.summaryProperty());
        model.refusedProperty().addListener((obs, was, now) -> styleSummary(now));
        styleSummary(model.refusedProperty().get());
        problemTable.setItems(model.problems());
        errorLabel.textProperty().bind(model.errorProperty());
        importButton.disableProperty().bind(model.cleanProperty().not().or(model.busyProperty()));
        closeButton.disableProperty().bind(model.busyProperty());
        cancelButton.visibleProperty().bind(model.busyProperty());
        cancelButton.managedProperty().bind(model.busyProperty());
        progressBox.visibleProperty().bind(model.busyProperty());
        progressBox.managedProperty().bind(model.busyProperty());
        importProgress.progressProperty().bind(model.progress().fractionProperty());
        progressLabel.textProperty().bind(model.progress().messageProperty().concat(" ")
                .concat(model.progress().detailProperty()));
    }

    private void styleSummary(boolean refused) {
        summaryLabel.getStyleClass().removeAll("error-text", "ok-text");
        summaryLabel.getStyleClass().add(refused ? "error-text" : "ok-text");
    }

    @FXML
    private void onImport() {
        vm.importNow();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onClose() {
        close.run();
    }

    /** Long Chinese sentences wrap onto several lines instead of being cut off with "…". */
    private static final class WrappingCell extends TableCell<ImportProblem, String> {
        private final Text text = new Text();

        WrappingCell(TableColumn<ImportProblem, String> column) {
            // The column's width, not the cell's: it is settled before the row asks how tall the cell must be.
            text.wrappingWidthProperty().bind(column.widthProperty().subtract(16));
            text.fillProperty().bind(textFillProperty());
            text.fontProperty().bind(fontProperty());
            setPrefHeight(Control.USE_COMPUTED_SIZE);
        }

        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().remove("warning-text");
            if (empty || item == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            text.setText(item);
            setGraphic(text);
            setTooltip(new Tooltip(item));
            if (getTableRow() != null && getTableRow().getItem() != null && getTableRow().getItem().warning()) {
                getStyleClass().add("warning-text");
            }
        }
    }
}
