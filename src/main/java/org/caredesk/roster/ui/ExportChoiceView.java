package org.caredesk.roster.ui;

import java.util.function.Consumer;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * Asks how to export: masked, or full ID and phone numbers with a reason. Shown only to a user who may export
 * full numbers; binds to an {@link ExportChoiceViewModel} and holds no state of its own.
 */
public final class ExportChoiceView {
    @FXML
    private RadioButton maskedRadio;
    @FXML
    private RadioButton fullRadio;
    @FXML
    private VBox reasonBox;
    @FXML
    private TextArea reasonArea;
    @FXML
    private Label reasonProblemLabel;
    @FXML
    private Button nextButton;

    private ExportChoiceViewModel vm;
    private Consumer<ExportChoiceViewModel.Choice> chosen = c -> { };
    private Runnable close = () -> { };

    @FXML
    private void initialize() {
        ToggleGroup group = new ToggleGroup();
        maskedRadio.setToggleGroup(group);
        fullRadio.setToggleGroup(group);
        maskedRadio.setSelected(true);
    }

    /**
     * Connects the view to its model.
     *
     * @param onChosen    called with the choice when the user goes on
     * @param closeWindow closes the dialog's window (going on or cancelling)
     */
    public void bind(ExportChoiceViewModel model, Consumer<ExportChoiceViewModel.Choice> onChosen,
            Runnable closeWindow) {
        this.vm = model;
        this.chosen = onChosen;
        this.close = closeWindow;
        fullRadio.setSelected(model.fullProperty().get());
        fullRadio.selectedProperty().addListener((obs, was, now) -> model.fullProperty().set(now));
        reasonBox.disableProperty().bind(model.fullProperty().not());
        reasonArea.textProperty().bindBidirectional(model.reasonProperty());
        reasonProblemLabel.textProperty().bind(model.reasonProblemProperty());
        nextButton.disableProperty().bind(model.validProperty().not());
    }

    @FXML
    private void onNext() {
        ExportChoiceViewModel.Choice choice = vm.choice();
        close.run();
        chosen.accept(choice);
    }

    @FXML
    private void onCancel() {
        close.run();
    }
}
