package org.caredesk.incidents.ui;

import java.time.format.DateTimeFormatter;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BorderPane;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.ui.Columns;
import org.caredesk.ui.ShortcutTarget;
import org.caredesk.ui.ViewLoader;
import org.caredesk.incidents.OpenIncident;
import org.caredesk.ui.PersonFileOpener;

/** 应急处置: the open incidents with those overdue flagged, and the actions to record, complete and close one. */
public final class IncidentsView implements ShortcutTarget {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final IncidentsViewModel vm;
    private final ViewLoader loader;
    private final PersonFileOpener files;

    @FXML private BorderPane root;
    @FXML private Button newIncidentButton;
    @FXML private Button editIncidentButton;
    @FXML private Button openFileButton;
    @FXML private Label summaryLabel;
    @FXML private TableView<OpenIncident> incidentsTable;
    @FXML private TableColumn<OpenIncident, String> occurredColumn;
    @FXML private TableColumn<OpenIncident, String> personColumn;
    @FXML private TableColumn<OpenIncident, String> typeColumn;
    @FXML private TableColumn<OpenIncident, String> openForColumn;
    @FXML private TableColumn<OpenIncident, OpenIncident> statusColumn;
    @FXML private Label noticeLabel;
    @FXML private Label errorLabel;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;

    public IncidentsView(IncidentsViewModel vm, ViewLoader loader, PersonFileOpener files) {
        this.vm = vm;
        this.loader = loader;
        this.files = files;
    }

    @FXML
    private void initialize() {
        occurredColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(TIME.format(c.getValue().occurredAt())));
        personColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().personName()));
        typeColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(I18n.label(c.getValue().type())));
        openForColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(vm.openFor(c.getValue())));
        statusColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        statusColumn.setCellFactory(col -> new StatusCell());
        Columns.fillWidth(incidentsTable);
        incidentsTable.setItems(vm.open());
        Columns.placeholder(incidentsTable, I18n.get("incidents.none"));
        incidentsTable.setRowFactory(t -> new TableRow<>() {
            {
                Columns.openOnDoubleClick(this, IncidentsView.this::edit);
            }

            @Override
            protected void updateItem(OpenIncident item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("late-row");
                if (!empty && item != null && item.late()) {
                    getStyleClass().add("late-row");
                }
            }
        });
        incidentsTable.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER && selected() != null) {
                edit(selected());
                e.consume();
            }
        });

        newIncidentButton.setVisible(vm.canWrite());
        newIncidentButton.setManaged(vm.canWrite());
        editIncidentButton.setVisible(vm.canWrite());
        editIncidentButton.setManaged(vm.canWrite());
        editIncidentButton.disableProperty().bind(incidentsTable.getSelectionModel().selectedItemProperty().isNull());
        openFileButton.disableProperty().bind(incidentsTable.getSelectionModel().selectedItemProperty().isNull());
        summaryLabel.textProperty().bind(vm.summaryProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        Columns.pager(vm, pageLabel, previousButton, nextButton);
        // Shown again from the navigation: the list (and how long each has been open) is read again.
        root.sceneProperty().addListener((obs, old, scene) -> {
            if (scene != null && old == null) {
                vm.refresh();
            }
        });
        vm.refresh();
    }

    private OpenIncident selected() {
        return incidentsTable.getSelectionModel().getSelectedItem();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    private void edit(OpenIncident line) {
        if (!vm.canWrite()) {
            return;
        }
        vm.loadIncident(line.incidentId(), incident -> loader.load(IncidentFormView.class).controller()
                .showOpen(window(), incident, vm::saved));
    }

    @FXML
    @Override
    public void onNew() {
        if (vm.canWrite()) {
            loader.load(IncidentFormView.class).controller().showNew(window(), null, null, vm::saved);
        }
    }

    @FXML
    private void onEdit() {
        OpenIncident line = selected();
        if (line != null) {
            edit(line);
        }
    }

    @FXML
    private void onOpenFile() {
        OpenIncident line = selected();
        if (line != null) {
            files.open(window(), line.personId(), vm::showError, vm::refresh);
        }
    }

    @FXML
    private void onRefresh() {
        vm.refresh();
    }

    /** 处置中, or a red badge for one open longer than allowed. */
    private final class StatusCell extends TableCell<OpenIncident, OpenIncident> {
        private final Label badge = new Label();

        @Override
        protected void updateItem(OpenIncident item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            badge.setText(vm.status(item));
            badge.getStyleClass().setAll("label");
            if (item.late()) {
                badge.getStyleClass().add("late-badge");
            }
            setGraphic(badge);
        }
    }
}
