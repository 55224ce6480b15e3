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
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.DiscardGuard;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.AssessmentItem;
import org.caredesk.ui.ColourBadgeCell;
import org.caredesk.ui.FormWindow;

/** The risk assessment form in its own window: one row of answers per question, the total and colour live. */
public final class AssessmentFormView {
    private static final double PREFERRED_WIDTH = 820;
    private static final double PREFERRED_HEIGHT = 600;

    private final AssessmentFormViewModel vm;
    private final DialogService dialogs;
    private final DiscardGuard discard;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private GridPane itemsGrid;
    @FXML private Label totalLabel;
    @FXML private Label colourBadge;
    @FXML private DatePicker datePicker;
    @FXML private TextArea noteArea;
    @FXML private Label problemsLabel;
    @FXML private Label errorLabel;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private Stage stage;
    private Consumer<Assessment> onSaved = a -> {};

    public AssessmentFormView(AssessmentFormViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.discard = new DiscardGuard(vm::isDirty, dialogs, "visitForm.discardTitle", "visitForm.discard");
    }

    @FXML
    private void initialize() {
        int row = 0;
        for (AssessmentItem item : AssessmentItem.values()) {
            Label caption = new Label(I18n.label(item));
            caption.getStyleClass().add("section-title");
            caption.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            ToggleGroup group = new ToggleGroup();
            FlowPane answers = new FlowPane(14, 4);
            for (int score = 0; score <= AssessmentItem.MAX_SCORE; score++) {
                RadioButton b = new RadioButton(I18n.get("assessment.answerWithScore", I18n.get(item.answerKey(score)),
                        score));
                b.setId("answer-" + item.name() + "-" + score);
                b.setUserData(score);
                b.setToggleGroup(group);
                answers.getChildren().add(b);
            }
            group.selectedToggleProperty().addListener((obs, old, now) ->
                    vm.scoreProperty(item).set(now == null ? null : (Integer) now.getUserData()));
            itemsGrid.addRow(row++, caption, answers);
        }
        totalLabel.textProperty().bind(vm.totalTextProperty());
        vm.colourProperty().addListener((obs, old, now) -> ColourBadgeCell.paint(colourBadge, now));
        ColourBadgeCell.paint(colourBadge, vm.colourProperty().get());
        DatePickers.bind(datePicker, vm.assessedOn());
        noteArea.textProperty().bindBidirectional(vm.noteProperty());
        problemsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", vm.problemsProperty().get()), vm.problemsProperty()));
        errorLabel.textProperty().bind(vm.errorProperty());
        saveButton.disableProperty().bind(vm.validProperty().not().or(vm.savingProperty()));
    }

    public void show(Window owner, UUID personId, String name, Consumer<Assessment> afterSave) {
        vm.start(personId);
        titleLabel.setText(I18n.get("assessment.title", name));
        stage = FormWindow.over(owner, root).title(titleLabel.getText()).size(PREFERRED_WIDTH, PREFERRED_HEIGHT)
                .guard(discard).build();
        this.onSaved = afterSave;
        stage.show();
    }

    @FXML
    private void onSave() {
        vm.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        });
    }

    @FXML
    private void onCancel() {
        discard.cancel(stage);
    }

}
