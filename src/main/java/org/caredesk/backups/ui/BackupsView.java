package org.caredesk.backups.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.db.BackupEntry;
import org.caredesk.ui.Columns;
import org.caredesk.ui.DialogService;

/** The 备份与恢复 page: binds the backup button, the list, the inspected backup and the settings. */
public final class BackupsView {
    private final BackupsViewModel vm;
    private final DialogService dialogs;

    @FXML private Button backupNowButton;
    @FXML private ProgressIndicator busyIndicator;
    @FXML private Label busyLabel;
    @FXML private Button cancelButton;
    @FXML private Label infoLabel;
    @FXML private Label errorLabel;
    @FXML private TableView<BackupEntry> backupsTable;
    @FXML private TableColumn<BackupEntry, String> createdColumn;
    @FXML private TableColumn<BackupEntry, String> sizeColumn;
    @FXML private TableColumn<BackupEntry, String> placeColumn;
    @FXML private TableColumn<BackupEntry, String> fileColumn;
    @FXML private Button inspectButton;
    @FXML private Button inspectFileButton;
    @FXML private VBox reportBox;
    @FXML private Label reportLabel;
    @FXML private Button restoreButton;
    @FXML private TextField keepField;
    @FXML private Label keepError;
    @FXML private Label extraFolderLabel;
    @FXML private Button chooseFolderButton;
    @FXML private Button clearFolderButton;
    @FXML private Label extraFolderError;
    @FXML private Button saveSettingsButton;

    public BackupsView(BackupsViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        Columns.text(createdColumn, BackupsViewModel::createdText);
        Columns.text(sizeColumn, b -> BackupsViewModel.sizeText(b.bytes()));
        Columns.text(placeColumn, BackupsViewModel::placeText);
        Columns.text(fileColumn, b -> b.file().getFileName().toString());
        backupsTable.setItems(vm.backups());
        backupsTable.setPlaceholder(new Label(I18n.get("backups.none")));
        backupsTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        vm.selectedProperty().bind(backupsTable.getSelectionModel().selectedItemProperty());

        backupNowButton.disableProperty().bind(vm.busyProperty());
        inspectButton.disableProperty().bind(vm.busyProperty().or(vm.selectedProperty().isNull()));
        inspectFileButton.disableProperty().bind(vm.busyProperty());
        busyIndicator.visibleProperty().bind(vm.busyProperty());
        busyIndicator.managedProperty().bind(vm.busyProperty());
        busyLabel.textProperty().bind(vm.busyTextProperty());
        cancelButton.visibleProperty().bind(vm.cancellableProperty());
        cancelButton.managedProperty().bind(vm.cancellableProperty());
        Columns.message(infoLabel, vm.infoProperty());
        Columns.message(errorLabel, vm.errorProperty());

        reportLabel.textProperty().bind(vm.reportProperty());
        reportBox.visibleProperty().bind(vm.inspectedProperty().isNotNull());
        reportBox.managedProperty().bind(reportBox.visibleProperty());
        restoreButton.disableProperty().bind(vm.canRestoreBinding().not());

        keepField.textProperty().bindBidirectional(vm.keepTextProperty());
        Columns.message(keepError, vm.keepErrorProperty());
        Columns.message(extraFolderError, vm.extraFolderErrorProperty());
        extraFolderLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> vm.extraFolderProperty().get() == null ? I18n.get("backups.extraFolder.none")
                        : vm.extraFolderProperty().get().toString(), vm.extraFolderProperty()));
        clearFolderButton.disableProperty().bind(vm.extraFolderProperty().isNull().or(vm.busyProperty()));
        chooseFolderButton.disableProperty().bind(vm.busyProperty());
        saveSettingsButton.disableProperty().bind(vm.canSaveSettingsBinding().not());
        vm.load();
    }

    @FXML
    private void onBackupNow() {
        vm.backupNow();
    }

    @FXML
    private void onCancel() {
        vm.cancel();
    }

    @FXML
    private void onInspect() {
        vm.inspectSelected();
    }

    @FXML
    private void onInspectFile() {
        dialogs.chooseBackupToOpen(I18n.get("backups.inspectFile.title")).ifPresent(vm::inspect);
    }

    @FXML
    private void onRestore() {
        if (dialogs.confirm(I18n.get("backups.restore"), vm.restoreQuestion())) {
            vm.restore();
        }
    }

    @FXML
    private void onChooseFolder() {
        dialogs.chooseFolder(I18n.get("backups.extraFolder.title")).ifPresent(vm::chooseExtraFolder);
    }

    @FXML
    private void onClearFolder() {
        vm.clearExtraFolder();
    }

    @FXML
    private void onSaveSettings() {
        vm.saveSettings();
    }
}
