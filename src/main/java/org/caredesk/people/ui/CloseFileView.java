package org.caredesk.people.ui;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.CloseReason;
import org.caredesk.people.Person;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.FieldBox;
import org.caredesk.ui.FormWindow;

/** The small 销册 dialog: reason, date and note; the question names the person. */
public final class CloseFileView {
    private final Function<Person, CloseFileViewModel> models;

    @FXML private VBox root;
    @FXML private Label questionLabel;
    @FXML private ComboBox<CloseReason> reasonBox;
    @FXML private DatePicker datePicker;
    @FXML private TextArea noteArea;
    @FXML private FieldBox reasonField;
    @FXML private FieldBox dateField;
    @FXML private FieldBox noteField;
    @FXML private Label errorLabel;
    @FXML private Button confirmButton;

    private CloseFileViewModel vm;
    private Stage stage;
    private Consumer<Person> onClosed = p -> {};

    public CloseFileView(Function<Person, CloseFileViewModel> models) {
        this.models = models;
    }

    @FXML
    private void initialize() {
        reasonBox.getItems().setAll(CloseReason.values());
        EnumCells.use(reasonBox);
    }

    public void show(Window owner, Person person, Consumer<Person> afterClose) {
        vm = models.apply(person);
        onClosed = afterClose;
        questionLabel.setText(vm.question());
        reasonBox.valueProperty().bindBidirectional(vm.reasonProperty());
        DatePickers.bind(datePicker, vm.date());
        noteArea.textProperty().bindBidirectional(vm.noteProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        errorLabel.visibleProperty().bind(vm.errorProperty().isNotEmpty());
        errorLabel.managedProperty().bind(errorLabel.visibleProperty());
        confirmButton.disableProperty().bind(vm.validProperty().not());
        vm.messagesProperty().addListener((obs, old, now) -> showMessages(now));
        showMessages(vm.messagesProperty().get());

        stage = FormWindow.over(owner, root).title(I18n.get("people.close.title", person.name())).fixedSize().show();
    }

    private void showMessages(Map<String, String> messages) {
        for (FieldBox box : List.of(reasonField, dateField, noteField)) {
            box.show(messages.get(box.getField()), false);
        }
        if (stage != null) {
            // The window is not resizable: let it grow or shrink with the problems shown.
            stage.sizeToScene();
        }
    }

    @FXML
    private void onConfirm() {
        vm.close(closed -> {
            stage.close();
            onClosed.accept(closed);
        });
    }

    @FXML
    private void onCancel() {
        stage.close();
    }
}
