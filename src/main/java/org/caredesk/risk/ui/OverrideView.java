package org.caredesk.risk.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.DialogService;
import org.caredesk.risk.ColourOverride;
import org.caredesk.risk.ColourTexts;
import org.caredesk.ui.FormWindow;

/** 调整颜色 in a small window: colour, reason, last day; 延期 and 撤销 while an override applies. */
public final class OverrideView {
    private final OverrideViewModel vm;
    private final DialogService dialogs;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label activeLabel;
    @FXML private RadioButton redChoice;
    @FXML private RadioButton yellowChoice;
    @FXML private RadioButton greenChoice;
    @FXML private TextArea reasonArea;
    @FXML private DatePicker expiryPicker;
    @FXML private Label problemsLabel;
    @FXML private Label errorLabel;
    @FXML private Button clearButton;
    @FXML private Button renewButton;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private Stage stage;
    private Consumer<String> onDone = s -> {};

    public OverrideView(OverrideViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
    }

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        redChoice.setUserData(RiskColour.RED);
        yellowChoice.setUserData(RiskColour.YELLOW);
        greenChoice.setUserData(RiskColour.GREEN);
        for (RadioButton b : new RadioButton[] {redChoice, yellowChoice, greenChoice}) {
            b.setToggleGroup(group);
        }
        group.selectedToggleProperty().addListener((obs, old, now) ->
                vm.colourProperty().set(now == null ? null : (RiskColour) now.getUserData()));
        vm.colourProperty().addListener((obs, old, now) -> {
            for (var t : group.getToggles()) {
                if (t.getUserData() == now) {
                    t.setSelected(true);
                }
            }
        });
        reasonArea.textProperty().bindBidirectional(vm.reasonProperty());
        DatePickers.bind(expiryPicker, vm.expiresOn());
        problemsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", vm.problemsProperty().get()), vm.problemsProperty()));
        errorLabel.textProperty().bind(vm.errorProperty());
        activeLabel.textProperty().bind(Bindings.createStringBinding(
                () -> ColourTexts.override(vm.activeProperty().get()), vm.activeProperty()));
        activeLabel.visibleProperty().bind(vm.activeProperty().isNotNull());
        activeLabel.managedProperty().bind(activeLabel.visibleProperty());
        clearButton.visibleProperty().bind(vm.activeProperty().isNotNull());
        clearButton.managedProperty().bind(clearButton.visibleProperty());
        renewButton.visibleProperty().bind(vm.activeProperty().isNotNull());
        renewButton.managedProperty().bind(renewButton.visibleProperty());
        renewButton.disableProperty().bind(vm.expiryValidProperty().not().or(vm.workingProperty()));
        clearButton.disableProperty().bind(vm.workingProperty());
        saveButton.disableProperty().bind(vm.validProperty().not().or(vm.workingProperty()));
    }

    public void show(Window owner, UUID personId, String name, ColourOverride active, Consumer<String> afterDone) {
        vm.start(personId, active);
        this.onDone = afterDone;
        titleLabel.setText(I18n.get("override.title", name));
        stage = FormWindow.over(owner, root).title(titleLabel.getText()).size(620, active == null ? 440 : 520).show();
    }

    private void done(String message) {
        stage.close();
        onDone.accept(message);
    }

    @FXML
    private void onSave() {
        vm.set(this::done);
    }

    @FXML
    private void onRenew() {
        vm.renew(this::done);
    }

    @FXML
    private void onClear() {
        if (dialogs.confirm(I18n.get("override.clearTitle"), I18n.get("override.clearConfirm"))) {
            vm.clear(this::done);
        }
    }

    @FXML
    private void onCancel() {
        stage.close();
    }
}
