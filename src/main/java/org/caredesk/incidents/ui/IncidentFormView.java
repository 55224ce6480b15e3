package org.caredesk.incidents.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Rectangle2D;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.BorderPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.util.Duration;
import org.caredesk.common.I18n;
import org.caredesk.people.PersonRow;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.FieldBox;
import org.caredesk.ui.Debouncer;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.DiscardGuard;
import org.caredesk.ui.EnumCells;
import org.caredesk.incidents.Incident;
import org.caredesk.common.IncidentType;
import org.caredesk.incidents.NotifiedParty;
import org.caredesk.ui.FormWindow;

/** The 应急处置 form in its own window: record an incident, or complete and close an open one. */
public final class IncidentFormView {
    private static final Duration SEARCH_QUIET = Duration.millis(200);
    private static final double PREFERRED_HEIGHT = 720;

    private final IncidentFormViewModel vm;
    private final DialogService dialogs;
    private final DiscardGuard discard;

    @FXML private BorderPane root;
    @FXML private Label titleLabel;
    @FXML private Label explainLabel;
    @FXML private FieldBox personBox;
    @FXML private Label chosenPersonLabel;
    @FXML private TextField personSearchField;
    @FXML private ListView<PersonRow> personResultsList;
    @FXML private Label searchNoteLabel;
    @FXML private FieldBox occurredAtBox;
    @FXML private DatePicker datePicker;
    @FXML private TextField timeField;
    @FXML private FieldBox typeBox;
    @FXML private ComboBox<IncidentType> typeChoice;
    @FXML private CheckBox policeCheck;
    @FXML private CheckBox hospitalCheck;
    @FXML private CheckBox familyCheck;
    @FXML private CheckBox agencyCheck;
    @FXML private FieldBox descriptionBox;
    @FXML private TextArea descriptionArea;
    @FXML private FieldBox actionsBox;
    @FXML private TextArea actionsArea;
    @FXML private FieldBox outcomeBox;
    @FXML private TextArea outcomeArea;
    @FXML private Label todoLabel;
    @FXML private Label errorLabel;
    @FXML private Button saveIncidentButton;
    @FXML private Button closeIncidentButton;

    private Stage stage;
    private Consumer<Incident> onSaved = i -> {};
    private boolean dirty;

    public IncidentFormView(IncidentFormViewModel vm, DialogService dialogs) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.discard = new DiscardGuard(() -> dirty, dialogs, "incident.form.discardTitle", "incident.form.discard");
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleProperty());
        explainLabel.textProperty().bind(vm.explainProperty());
        Debouncer debouncer = new Debouncer(SEARCH_QUIET, vm::searchPeople);
        personSearchField.textProperty().bindBidirectional(vm.personSearchProperty());
        personSearchField.textProperty().addListener((obs, old, now) -> debouncer.trigger());
        personSearchField.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !personResultsList.getItems().isEmpty()) {
                personResultsList.requestFocus();
                personResultsList.getSelectionModel().selectFirst();
                e.consume();
            }
        });
        personResultsList.setItems(vm.personResults());
        personResultsList.setCellFactory(lv -> new PersonCell());
        personResultsList.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.personResults()));
        personResultsList.managedProperty().bind(personResultsList.visibleProperty());
        personResultsList.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                chooseSelected();
            }
        });
        personResultsList.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                chooseSelected();
                e.consume();
            }
        });
        // As tall as its lines (at most five), so one match does not leave a large empty box.
        personResultsList.prefHeightProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.min(5, vm.personResults().size()) * personResultsList.getFixedCellSize() + 4,
                vm.personResults()));
        personResultsList.setFixedCellSize(26);
        searchNoteLabel.textProperty().bind(vm.searchNoteProperty());
        searchNoteLabel.visibleProperty().bind(vm.searchNoteProperty().isNotEmpty());
        searchNoteLabel.managedProperty().bind(searchNoteLabel.visibleProperty());
        chosenPersonLabel.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() ->
                vm.subjectProperty().get() == null ? I18n.get("incident.form.noPerson")
                        : I18n.get("incident.form.chosen", vm.subjectProperty().get().name()),
                vm.subjectProperty()));

        DatePickers.bind(datePicker, vm.date());
        timeField.textProperty().bindBidirectional(vm.timeProperty());
        typeChoice.getItems().setAll(IncidentType.values());
        EnumCells.use(typeChoice);
        typeChoice.valueProperty().bindBidirectional(vm.typeProperty());
        party(policeCheck, NotifiedParty.POLICE);
        party(hospitalCheck, NotifiedParty.HOSPITAL);
        party(familyCheck, NotifiedParty.FAMILY);
        party(agencyCheck, NotifiedParty.MENTAL_HEALTH_AGENCY);
        descriptionArea.textProperty().bindBidirectional(vm.descriptionProperty());
        actionsArea.textProperty().bindBidirectional(vm.actionsTakenProperty());
        outcomeArea.textProperty().bindBidirectional(vm.outcomeProperty());

        vm.messagesProperty().addListener((obs, old, now) -> showMessages(now));
        showMessages(vm.messagesProperty().get());
        todoLabel.textProperty().bind(vm.todoProperty());
        todoLabel.visibleProperty().bind(vm.todoProperty().isNotEmpty());
        todoLabel.managedProperty().bind(todoLabel.visibleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        saveIncidentButton.disableProperty().bind(vm.validProperty().not());
        closeIncidentButton.disableProperty().bind(vm.canCloseProperty().not());
        for (javafx.beans.Observable o : List.of(vm.subjectProperty(), vm.date().textProperty(), vm.timeProperty(),
                vm.typeProperty(), vm.descriptionProperty(), vm.actionsTakenProperty(), vm.outcomeProperty())) {
            o.addListener(x -> dirty = true);
        }
    }

    private void party(CheckBox box, NotifiedParty party) {
        box.setText(I18n.label(party));
        box.selectedProperty().bindBidirectional(vm.notifiedProperty(party));
        box.selectedProperty().addListener(x -> dirty = true);
    }

    private void chooseSelected() {
        PersonRow row = personResultsList.getSelectionModel().getSelectedItem();
        if (row != null) {
            vm.choose(row);
            Platform.runLater(() -> datePicker.getEditor().requestFocus());
        }
    }

    private void showMessages(Map<String, String> messages) {
        for (FieldBox box : List.of(personBox, occurredAtBox, typeBox, descriptionBox, actionsBox, outcomeBox)) {
            String field = box.getField().substring("incident.".length());
            box.show(messages.get(field), false);
        }
    }

    /** A new incident; {@code personId} non-null when it is recorded from the person's file. */
    public void showNew(Window owner, java.util.UUID personId, String personName, Consumer<Incident> afterSave) {
        if (personId != null) {
            vm.forPerson(personId, personName);
            hideSearch();
        }
        open(owner, afterSave);
    }

    /** An open incident, to complete or close. */
    public void showOpen(Window owner, Incident incident, Consumer<Incident> afterSave) {
        vm.load(incident);
        hideSearch();
        open(owner, afterSave);
    }

    private void hideSearch() {
        personSearchField.setVisible(false);
        personSearchField.setManaged(false);
    }

    private void open(Window owner, Consumer<Incident> afterSave) {
        dirty = false;
        onSaved = afterSave;
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        root.setPrefHeight(Math.min(PREFERRED_HEIGHT, screen.getHeight() - 40));
        stage = FormWindow.over(owner, root).title(vm.titleProperty()).guard(discard).build();
        stage.setOnShown(e -> Platform.runLater(() -> (vm.subjectProperty().get() == null ? personSearchField
                : actionsArea).requestFocus()));
        stage.show();
    }


    @FXML
    private void onSave() {
        vm.save(this::done);
    }

    @FXML
    private void onSaveAndClose() {
        vm.saveAndClose(this::done);
    }

    private void done(Incident incident) {
        stage.close();
        onSaved.accept(incident);
    }

    @FXML
    private void onCancel() {
        discard.cancel(stage);
    }

    /** A line of the search: name, masked ID number, building, colour. */
    private static final class PersonCell extends ListCell<PersonRow> {
        @Override
        protected void updateItem(PersonRow item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setText(null);
                return;
            }
            setText(I18n.get("incident.form.personLine", item.name(), item.maskedIdNumber(),
                    item.building() == null ? "" : item.building(), I18n.label(item.colour())));
        }
    }
}
