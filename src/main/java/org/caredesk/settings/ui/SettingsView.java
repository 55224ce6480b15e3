package org.caredesk.settings.ui;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import org.caredesk.common.I18n;
import org.caredesk.settings.AppSettings;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.ShortcutTarget;

/** The settings page: language and font size, both applied on the spot once saved. */
public final class SettingsView implements ShortcutTarget {
    private final SettingsViewModel vm;
    private final DialogService dialogs;
    private final Consumer<AppSettings> applyEverywhere;

    @FXML
    private ComboBox<AppSettings.Language> languageBox;
    @FXML
    private ComboBox<AppSettings.FontSize> fontSizeBox;
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
        errorLabel.textProperty().bind(vm.errorProperty());
        vm.load();
    }

    @FXML
    @Override
    public void onSave() {
        vm.save(saved -> {
            applyEverywhere.accept(saved);
            dialogs.info(I18n.get("settings.title"), I18n.get("settings.applied"));
        });
    }
}
