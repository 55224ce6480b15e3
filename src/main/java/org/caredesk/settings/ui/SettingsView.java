package org.caredesk.settings.ui;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import org.caredesk.common.I18n;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.ShortcutTarget;

/**
 * The settings page: the user's own language and font size (applied on the spot once saved) and the community's
 * settings, disabled for a user who may not change them.
 */
public final class SettingsView implements ShortcutTarget {
    private final SettingsViewModel vm;
    private final DialogService dialogs;
    private final Consumer<AppSettings> applyEverywhere;

    @FXML
    private ComboBox<AppSettings.Language> languageBox;
    @FXML
    private ComboBox<AppSettings.FontSize> fontSizeBox;
    @FXML
    private GridPane communityGrid;
    @FXML
    private TextField idleMinutesField;
    @FXML
    private Label communityHint;
    @FXML
    private Button saveButton;
    @FXML
    private Label errorLabel;

    public SettingsView(SettingsViewModel vm, DialogService dialogs, Consumer<AppSettings> applyEverywhere) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.applyEverywhere = applyEverywhere;
    }

    @FXML
    private void initialize() {
        languageBox.getItems().setAll(AppSettings.Language.values());
        EnumCells.use(languageBox);
        languageBox.valueProperty().bindBidirectional(vm.languageProperty());
        fontSizeBox.getItems().setAll(AppSettings.FontSize.values());
        EnumCells.use(fontSizeBox);
        fontSizeBox.valueProperty().bindBidirectional(vm.fontSizeProperty());
        idleMinutesField.textProperty().bindBidirectional(vm.idleMinutesProperty());
        communityGrid.disableProperty().bind(vm.mayManageProperty().not());
        communityHint.visibleProperty().bind(vm.mayManageProperty().not());
        communityHint.managedProperty().bind(communityHint.visibleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        vm.load();
    }

    @FXML
    @Override
    public void onSave() {
        vm.save(saved -> {
            if (saved.personalChanged()) {
                applyEverywhere.accept(saved.personal());
            }
            dialogs.info(I18n.get("settings.title"), I18n.get("settings.applied"));
        });
    }
}
