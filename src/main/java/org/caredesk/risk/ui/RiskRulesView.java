package org.caredesk.risk.ui;

import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import org.caredesk.common.I18n;

/**
 * 走访与预警规则, a section of the settings page: a labelled field per number with its own sentence beside it, 保存规则
 * and 恢复默认值. Disabled, with a sentence, for a user who may not change the community's settings.
 */
public final class RiskRulesView {
    private final RiskRulesViewModel vm;

    @FXML
    private GridPane rulesGrid;
    @FXML
    private HBox rulesButtons;
    @FXML
    private Button saveRulesButton;
    @FXML
    private Button defaultsButton;
    @FXML
    private Label onlyManagersHint;
    @FXML
    private Label rulesStatus;
    @FXML
    private Label rulesError;

    public RiskRulesView(RiskRulesViewModel vm) {
        this.vm = vm;
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (RiskRulesViewModel.Field f : vm.fields()) {
            Label label = new Label(I18n.get(f.labelKey()));
            TextField field = new TextField();
            field.setId("riskRule-" + f.key());
            field.setPrefColumnCount(5);
            field.textProperty().bindBidirectional(f.textProperty());
            label.setLabelFor(field);
            Label problem = new Label();
            problem.setId("riskRuleProblem-" + f.key());
            problem.getStyleClass().add("error-text");
            problem.setWrapText(true);
            problem.textProperty().bind(f.problemProperty());
            rulesGrid.addRow(row++, label, field, problem);
        }
        rulesGrid.disableProperty().bind(vm.mayManageProperty().not());
        rulesButtons.disableProperty().bind(vm.mayManageProperty().not());
        saveRulesButton.disableProperty().bind(vm.workingProperty());
        defaultsButton.disableProperty().bind(vm.workingProperty());
        onlyManagersHint.visibleProperty().bind(vm.mayManageProperty().not());
        onlyManagersHint.managedProperty().bind(onlyManagersHint.visibleProperty());
        rulesStatus.textProperty().bind(vm.statusProperty());
        rulesError.textProperty().bind(vm.errorProperty());
        // Empty lines take no room: otherwise the fields sit far below the buttons.
        for (Label line : new Label[] {rulesStatus, rulesError}) {
            line.managedProperty().bind(line.textProperty().isNotEmpty());
            line.visibleProperty().bind(line.managedProperty());
        }
        vm.load();
    }

    @FXML
    private void onSaveRules() {
        vm.save();
    }

    @FXML
    private void onDefaults() {
        vm.restoreDefaults();
    }
}
