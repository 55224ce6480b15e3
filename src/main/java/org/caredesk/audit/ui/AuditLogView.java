package org.caredesk.audit.ui;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;
import org.caredesk.audit.AuditAction;
import org.caredesk.audit.AuditEntry;
import org.caredesk.audit.ChainCheck;
import org.caredesk.common.I18n;
import org.caredesk.ui.Columns;
import org.caredesk.ui.Debouncer;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.ShortcutTarget;

/**
 * 审计日志: the auditor's read-only view of the log, filtered and paged by the database, with the chain check and
 * the export. The table is not editable and no control here changes an entry.
 */
public final class AuditLogView implements ShortcutTarget {
    private static final Duration SEARCH_QUIET = Duration.millis(200);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private final AuditLogViewModel vm;
    private final DialogService dialogs;

    @FXML private Button verifyButton;
    @FXML private Button exportButton;
    @FXML private VBox checkBox;
    @FXML private Label checkLabel;
    @FXML private Label adviceLabel;
    @FXML private DatePicker fromPicker;
    @FXML private DatePicker toPicker;
    @FXML private ComboBox<String> userFilter;
    @FXML private ComboBox<AuditAction> actionFilter;
    @FXML private TextField textField;
    @FXML private Button clearButton;
    @FXML private TableView<AuditEntry> auditTable;
    @FXML private TableColumn<AuditEntry, String> seqColumn;
    @FXML private TableColumn<AuditEntry, String> timeColumn;
    @FXML private TableColumn<AuditEntry, String> userColumn;
    @FXML private TableColumn<AuditEntry, String> actionColumn;
    @FXML private TableColumn<AuditEntry, String> objectTypeColumn;
    @FXML private TableColumn<AuditEntry, String> objectColumn;
    @FXML private TableColumn<AuditEntry, String> outcomeColumn;
    @FXML private TableColumn<AuditEntry, String> detailColumn;
    @FXML private TextArea detailArea;
    @FXML private ProgressIndicator exportProgress;
    @FXML private Label noticeLabel;
    @FXML private Button cancelExportButton;
    @FXML private Label errorLabel;
    @FXML private Button previousButton;
    @FXML private Label pageLabel;
    @FXML private Button nextButton;

    public AuditLogView(AuditLogViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        date(fromPicker);
        fromPicker.valueProperty().bindBidirectional(vm.fromProperty());
        date(toPicker);
        toPicker.valueProperty().bindBidirectional(vm.toProperty());

        userFilter.setCellFactory(lv -> userCell());
        userFilter.setButtonCell(userCell());
        userFilter.getItems().add(null);
        vm.users().addListener((ListChangeListener<String>) c -> {
            String chosen = userFilter.getValue();
            userFilter.getItems().setAll(vm.users());
            userFilter.getItems().add(0, null);
            userFilter.setValue(chosen);
        });
        userFilter.valueProperty().bindBidirectional(vm.userProperty());
        actionFilter.getItems().add(null);
        actionFilter.getItems().addAll(AuditAction.values());
        EnumCells.use(actionFilter, I18n.get("audit.filter.all"));
        actionFilter.valueProperty().bindBidirectional(vm.actionProperty());
        Debouncer debouncer = new Debouncer(SEARCH_QUIET, vm::search);
        textField.textProperty().bindBidirectional(vm.textProperty());
        textField.textProperty().addListener((obs, old, now) -> debouncer.trigger());

        setUpTable();

        checkLabel.textProperty().bind(vm.checkTextProperty());
        adviceLabel.textProperty().bind(vm.checkAdviceProperty());
        adviceLabel.managedProperty().bind(adviceLabel.textProperty().isNotEmpty());
        adviceLabel.visibleProperty().bind(adviceLabel.managedProperty());
        checkBox.managedProperty().bind(vm.checkTextProperty().isNotEmpty());
        checkBox.visibleProperty().bind(checkBox.managedProperty());
        vm.checkProperty().addListener((obs, old, now) -> showCheck(now));
        verifyButton.disableProperty().bind(vm.checkingProperty());

        exportButton.disableProperty().bind(vm.exportingProperty());
        exportProgress.visibleProperty().bind(vm.exportingProperty());
        exportProgress.managedProperty().bind(vm.exportingProperty());
        cancelExportButton.visibleProperty().bind(vm.exportingProperty());
        cancelExportButton.managedProperty().bind(vm.exportingProperty());
        noticeLabel.textProperty().bind(vm.noticeProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        Columns.pager(vm, pageLabel, previousButton, nextButton);
        vm.load();
    }

    private void setUpTable() {
        Columns.text(seqColumn, e -> String.valueOf(e.seq()));
        Columns.text(timeColumn, AuditLogViewModel::time);
        Columns.text(userColumn, AuditEntry::userName);
        Columns.text(actionColumn, AuditEntry::actionLabel);
        Columns.text(objectTypeColumn, AuditEntry::objectTypeLabel);
        Columns.text(objectColumn, AuditEntry::objectLabel);
        Columns.text(outcomeColumn, AuditEntry::outcomeLabel);
        Columns.text(detailColumn, AuditEntry::detailText);
        detailColumn.setCellFactory(col -> new TooltipCell());
        auditTable.setEditable(false);
        auditTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        auditTable.setItems(vm.rows());
        Label placeholder = new Label();
        placeholder.setId("auditPlaceholder");
        placeholder.setWrapText(true);
        placeholder.textProperty().bind(vm.emptyTextProperty());
        auditTable.setPlaceholder(placeholder);
        vm.selectedProperty().bind(auditTable.getSelectionModel().selectedItemProperty());
        detailArea.textProperty().bind(vm.selectedTextProperty());
    }

    private void showCheck(ChainCheck check) {
        checkBox.getStyleClass().removeAll("intact", "broken");
        if (check != null) {
            checkBox.getStyleClass().add(check.intact() ? "intact" : "broken");
        }
    }

    /** Dates typed as 2025-06-01 or picked; text that is not a date clears the bound. */
    private static void date(DatePicker picker) {
        picker.setEditable(true);
        picker.setPromptText(I18n.get("audit.filter.datePrompt"));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(LocalDate d) {
                return d == null ? "" : DATE.format(d);
            }

            @Override
            public LocalDate fromString(String s) {
                if (s == null || s.isBlank()) {
                    return null;
                }
                try {
                    return LocalDate.parse(s.strip(), DATE);
                } catch (DateTimeParseException e) {
                    return null;
                }
            }
        });
    }

    private static ListCell<String> userCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? I18n.get("audit.filter.all") : item);
            }
        };
    }

    /** A long detail is cut off in its cell; the tooltip shows it whole. */
    private static final class TooltipCell extends TableCell<AuditEntry, String> {
        @Override
        protected void updateItem(String item, boolean empty) {
            super.updateItem(item, empty);
            setText(empty ? null : item);
            setTooltip(empty || item == null || item.isEmpty() ? null : new Tooltip(item));
        }
    }

    @FXML
    private void onVerify() {
        vm.verify();
    }

    @FXML
    private void onExport() {
        Optional<Path> chosen = dialogs.chooseExcelToSave(I18n.get("audit.export.title"),
                AuditLogViewModel.suggestedFileName(LocalDate.now()));
        chosen.ifPresent(file -> vm.export(withXlsx(file)));
    }

    /** A name typed without extension gets .xlsx: Linux file choosers do not add it. */
    static Path withXlsx(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString();
        return name.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? file
                : file.resolveSibling(name + ".xlsx");
    }

    @FXML
    private void onCancelExport() {
        vm.cancelExport();
    }

    @FXML
    private void onClear() {
        vm.clearFilters();
    }

    @Override
    public void onFind() {
        textField.requestFocus();
        textField.selectAll();
    }
}
