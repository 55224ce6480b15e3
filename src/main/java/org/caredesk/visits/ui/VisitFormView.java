package org.caredesk.visits.ui;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.caredesk.common.I18n;
import org.caredesk.people.CategoryLabels;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.Debouncer;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.DiscardGuard;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.FieldMarks;
import org.caredesk.ui.FormWindow;
import org.caredesk.visits.Need;
import org.caredesk.visits.Visit;
import org.caredesk.visits.VisitType;

/** The visit form in its own window, owned by the main window; the body scrolls so it fits 1366x768. */
public final class VisitFormView {
    private static final double PREFERRED_WIDTH = 900;
    private static final double PREFERRED_HEIGHT = 760;

    private final VisitFormViewModel vm;
    private final DialogService dialogs;
    private final DiscardGuard discard;

    @FXML private BorderPane root;
    @FXML private ScrollPane scroll;
    @FXML private VBox body;
    @FXML private DatePicker datePicker;
    @FXML private TextField timeField;
    @FXML private ComboBox<VisitType> typeBox;
    @FXML private TextField staffField;
    @FXML private TextField volunteersField;
    @FXML private TextField personSearchField;
    @FXML private ListView<PersonRow> personResults;
    @FXML private VBox partsBox;
    @FXML private FlowPane needsPane;
    @FXML private TextArea findingsArea;
    @FXML private TextArea helpArea;
    @FXML private TextArea planArea;
    @FXML private Label problemsLabel;
    @FXML private Label errorLabel;
    @FXML private Button cancelButton;
    @FXML private Button saveButton;

    private Stage stage;
    private Consumer<Visit> onSaved = v -> {};

    public VisitFormView(VisitFormViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.discard = new DiscardGuard(vm::isDirty, dialogs, "visitForm.discardTitle", "visitForm.discard");
    }

    @FXML
    private void initialize() {
        DatePickers.bind(datePicker, vm.date());
        timeField.textProperty().bindBidirectional(vm.timeProperty());
        typeBox.getItems().setAll(VisitType.values());
        EnumCells.use(typeBox);
        typeBox.valueProperty().bindBidirectional(vm.typeProperty());
        staffField.textProperty().bindBidirectional(vm.staffProperty());
        volunteersField.textProperty().bindBidirectional(vm.volunteersProperty());
        for (Need n : Need.values()) {
            CheckBox box = new CheckBox(I18n.label(n));
            box.setId("need-" + n.name());
            box.selectedProperty().bindBidirectional(vm.needProperty(n));
            needsPane.getChildren().add(box);
        }
        findingsArea.textProperty().bindBidirectional(vm.findingsProperty());
        helpArea.textProperty().bindBidirectional(vm.helpGivenProperty());
        planArea.textProperty().bindBidirectional(vm.followUpPlanProperty());

        Debouncer debouncer = new Debouncer(Duration.millis(200), vm::searchPeople);
        personSearchField.textProperty().bindBidirectional(vm.personSearchProperty());
        personSearchField.textProperty().addListener((obs, old, now) -> debouncer.trigger());
        personResults.setItems(vm.searchResults());
        personResults.setCellFactory(lv -> new ListCell<>() {
            @Override
            protected void updateItem(PersonRow item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : I18n.get("visitForm.pickerLine", item.name(),
                        CategoryLabels.join(item.categories()), item.building() == null ? "" : item.building(),
                        item.maskedIdNumber()));
            }
        });
        personResults.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.searchResults()));
        personResults.managedProperty().bind(personResults.visibleProperty());
        personResults.setOnMouseClicked(e -> addSelected());
        personResults.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                addSelected();
            }
        });
        personSearchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.searchResults().isEmpty()) {
                personResults.requestFocus();
                personResults.getSelectionModel().selectFirst();
            }
        });

        vm.parts().addListener((ListChangeListener<VisitPartModel>) c -> showParts());
        showParts();
        problemsLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> String.join("\n", vm.problemsProperty().get()), vm.problemsProperty()));
        errorLabel.textProperty().bind(vm.errorProperty());
        vm.fieldProblemsProperty().addListener((obs, old, now) -> markFields(now));
        markFields(vm.fieldProblemsProperty().get());
        saveButton.disableProperty().bind(vm.validProperty().not().or(vm.savingProperty()));
    }

    /** The inputs at fault carry the same sentence the list below the form shows. */
    private void markFields(Map<String, String> problems) {
        FieldMarks.mark(datePicker, join(problems.get("date"), problems.get("visitedAt")));
        FieldMarks.mark(timeField, join(problems.get("time"), problems.get("visitedAt")));
        FieldMarks.mark(typeBox, problems.get("type"));
        FieldMarks.mark(staffField, problems.get("staff"));
        FieldMarks.mark(personSearchField, problems.get("people"));
    }

    private static String join(String a, String b) {
        return a == null ? b : b == null ? a : a + " " + b;
    }

    private void addSelected() {
        PersonRow row = personResults.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.addPerson(row.id());
        }
    }

    private void showParts() {
        partsBox.getChildren().clear();
        List<VisitPartModel> parts = vm.parts();
        for (int i = 0; i < parts.size(); i++) {
            VisitPartModel part = parts.get(i);
            partsBox.getChildren().add(new VisitPartPane(part, i, () -> vm.removePerson(part)));
        }
    }

    /** Opens the form for these people (none: the caseworker picks them). */
    public void show(Window owner, List<UUID> personIds, Consumer<Visit> afterSave) {
        this.onSaved = afterSave;
        vm.start(personIds);
        stage = FormWindow.over(owner, root).title(I18n.get("visitForm.title")).size(PREFERRED_WIDTH, PREFERRED_HEIGHT)
                .guard(discard).build();
        stage.getScene().getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN),
                this::onSave);
        stage.setOnShown(e -> Platform.runLater(() -> (personIds.isEmpty() ? personSearchField : findingsArea)
                .requestFocus()));
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
