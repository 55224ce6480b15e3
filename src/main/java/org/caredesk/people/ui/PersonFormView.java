package org.caredesk.people.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.IdType;
import org.caredesk.people.Enums.LivingSituation;
import org.caredesk.people.Person;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.DiscardGuard;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.FieldBox;
import org.caredesk.ui.FormWindow;

/**
 * The register / edit form in its own window, owned by the main window. The body scrolls, so the whole record
 * fits a 1366x768 screen; 保存 and 取消 stay visible below it.
 */
public final class PersonFormView {
    private static final double PREFERRED_WIDTH = 940;
    private static final double PREFERRED_HEIGHT = 780;

    private final PersonFormViewModel vm;
    private final DialogService dialogs;
    private final DiscardGuard discard;

    @FXML private BorderPane root;
    @FXML private ScrollPane scroll;
    @FXML private Label titleLabel;
    @FXML private HBox numbersBox;
    @FXML private Label numbersNoteLabel;
    @FXML private Button revealButton;
    @FXML private VBox body;
    @FXML private TextField nameField;
    @FXML private ComboBox<IdType> idTypeBox;
    @FXML private TextField idNumberField;
    @FXML private Label idDerivedLabel;
    @FXML private TextField ethnicityField;
    @FXML private ComboBox<LivingSituation> livingSituationBox;
    @FXML private TextField phone1Field;
    @FXML private TextField phone2Field;
    @FXML private TextField estateField;
    @FXML private TextField buildingField;
    @FXML private TextField unitField;
    @FXML private TextField roomField;
    @FXML private TextField householdAddressField;
    @FXML private TextField emergencyNameField;
    @FXML private TextField emergencyRelationField;
    @FXML private TextField emergencyPhoneField;
    @FXML private TextField responsibleStaffField;
    @FXML private CheckBox releasedCheck;
    @FXML private CheckBox drugCheck;
    @FXML private CheckBox correctionCheck;
    @FXML private CheckBox mentalCheck;
    @FXML private CheckBox elderlyCheck;
    @FXML private CheckBox disabledCheck;
    @FXML private CheckBox otherCheck;
    @FXML private TextArea noteArea;
    @FXML private Label formHint;
    @FXML private Label errorLabel;
    @FXML private Button saveButton;
    @FXML private Button cancelButton;
    @FXML private Button careButton;
    @FXML private PersonDetailsView detailsController;

    private final List<FieldBox> boxes = new ArrayList<>();
    private Stage stage;
    private Consumer<Person> onSaved = p -> {};

    private final PersonCareLink care;
    private Person shown;

    public PersonFormView(PersonFormViewModel vm, DialogService dialogs) {
        this(vm, dialogs, null);
    }

    /** @param care opens the person's visits and colours; null when the user may not read them */
    public PersonFormView(PersonFormViewModel vm, DialogService dialogs, PersonCareLink care) {
        this.vm = vm;
        this.dialogs = dialogs;
        this.discard = new DiscardGuard(vm::isDirty, dialogs, "people.form.discardTitle", "people.form.discard");
        this.care = care;
    }

    @FXML
    private void initialize() {
        titleLabel.textProperty().bind(vm.titleProperty());
        nameField.textProperty().bindBidirectional(vm.nameProperty());
        idTypeBox.getItems().setAll(IdType.values());
        EnumCells.use(idTypeBox);
        idTypeBox.valueProperty().bindBidirectional(vm.idTypeProperty());
        idNumberField.textProperty().bindBidirectional(vm.idNumberProperty());
        idDerivedLabel.textProperty().bind(vm.idDerivedProperty());
        numbersNoteLabel.textProperty().bind(vm.numbersNoteProperty());
        numbersBox.visibleProperty().bind(vm.numbersNoteProperty().isNotEmpty());
        numbersBox.managedProperty().bind(numbersBox.visibleProperty());
        // Offered only to a user who may see full numbers; the service checks the same right again.
        revealButton.visibleProperty().bind(vm.canRevealProperty());
        revealButton.managedProperty().bind(revealButton.visibleProperty());
        revealButton.disableProperty().bind(vm.revealingProperty());
        ethnicityField.textProperty().bindBidirectional(vm.ethnicityProperty());
        livingSituationBox.getItems().setAll(LivingSituation.values());
        EnumCells.use(livingSituationBox);
        livingSituationBox.valueProperty().bindBidirectional(vm.livingSituationProperty());
        phone1Field.textProperty().bindBidirectional(vm.phone1Property());
        phone2Field.textProperty().bindBidirectional(vm.phone2Property());
        estateField.textProperty().bindBidirectional(vm.estateProperty());
        buildingField.textProperty().bindBidirectional(vm.buildingProperty());
        unitField.textProperty().bindBidirectional(vm.unitProperty());
        roomField.textProperty().bindBidirectional(vm.roomProperty());
        householdAddressField.textProperty().bindBidirectional(vm.householdAddressProperty());
        emergencyNameField.textProperty().bindBidirectional(vm.emergencyNameProperty());
        emergencyRelationField.textProperty().bindBidirectional(vm.emergencyRelationProperty());
        emergencyPhoneField.textProperty().bindBidirectional(vm.emergencyPhoneProperty());
        responsibleStaffField.textProperty().bindBidirectional(vm.responsibleStaffProperty());
        releasedCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.RELEASED_PRISONER));
        drugCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.DRUG_USER));
        correctionCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.CORRECTION));
        mentalCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.MENTAL_DISORDER));
        elderlyCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.ELDERLY_ALONE));
        disabledCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.DISABLED));
        otherCheck.selectedProperty().bindBidirectional(vm.categoryProperty(Category.OTHER));
        noteArea.textProperty().bindBidirectional(vm.noteProperty());
        detailsController.bind(vm);

        for (Category c : Category.values()) {
            // A ticked category opens its details below: bring them into view.
            vm.categoryProperty(c).addListener((obs, was, is) -> {
                if (is && stage != null) {
                    Platform.runLater(() -> reveal(detailsController.section(c)));
                }
            });
        }
        collectBoxes(body);
        vm.messagesProperty().addListener((obs, old, now) -> showMessages(now));
        showMessages(vm.messagesProperty().get());
        saveButton.disableProperty().bind(vm.validProperty().not());
        formHint.textProperty().bind(vm.todoProperty());
        formHint.visibleProperty().bind(vm.todoProperty().isNotEmpty().and(vm.savingProperty().not()));
        formHint.managedProperty().bind(formHint.visibleProperty());
        errorLabel.textProperty().bind(vm.errorProperty());
        if (!vm.mayWrite()) {
            // A user who may read files but not change them opens a file to read it: nothing in it edits, and 保存,
            // which the service would refuse, is not offered (issue 8).
            body.setDisable(true);
            saveButton.setVisible(false);
            saveButton.setManaged(false);
            cancelButton.setText(I18n.get("people.form.close"));
            // The note on masked numbers tells how to change one: nothing for someone who only reads the file.
            numbersNoteLabel.setVisible(false);
            numbersNoteLabel.setManaged(false);
        }
    }

    private void collectBoxes(Parent parent) {
        for (Node n : parent.getChildrenUnmodifiable()) {
            if (n instanceof FieldBox f) {
                if (f.getField() != null) {
                    boxes.add(f);
                }
            } else if (n instanceof Parent p) {
                collectBoxes(p);
            }
        }
    }

    private void showMessages(Map<String, PersonFormViewModel.FieldMessage> messages) {
        for (FieldBox box : boxes) {
            PersonFormViewModel.FieldMessage m = messages.get(box.getField());
            box.show(m == null ? null : m.text(), m != null && m.warning());
        }
    }

    /** Opens the form in a window owned by {@code owner}: empty for a new person, filled to edit {@code existing}. */
    public void show(Window owner, Person existing, Consumer<Person> afterSave) {
        if (existing != null) {
            vm.load(existing);
        }
        shown = existing;
        careButton.setVisible(existing != null && care != null);
        careButton.setManaged(careButton.isVisible());
        this.onSaved = afterSave;
        stage = FormWindow.over(owner, root).title(vm.titleProperty()).size(PREFERRED_WIDTH, PREFERRED_HEIGHT)
                .guard(discard).build();
        Scene scene = stage.getScene();
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), this::onSave);
        // Tabbing into a field below the visible part scrolls it into view, as it would in a browser.
        scene.focusOwnerProperty().addListener((obs, old, now) -> reveal(now));
        stage.setOnShown(e -> Platform.runLater(nameField::requestFocus));
        stage.show();
    }

    private void reveal(Node node) {
        if (node == null || !isInside(node, body)) {
            return;
        }
        root.applyCss();
        root.layout();
        double contentHeight = body.getBoundsInLocal().getHeight();
        double viewport = scroll.getViewportBounds().getHeight();
        if (contentHeight <= viewport) {
            return;
        }
        Bounds b = body.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double top = scroll.getVvalue() * (contentHeight - viewport);
        double margin = 24;
        if (b.getMinY() - margin < top) {
            top = b.getMinY() - margin;
        } else if (b.getMaxY() + margin > top + viewport) {
            top = b.getMaxY() + margin - viewport;
        } else {
            return;
        }
        scroll.setVvalue(Math.max(0, Math.min(1, top / (contentHeight - viewport))));
    }

    private static boolean isInside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    @FXML
    private void onSave() {
        vm.save(saved -> {
            stage.close();
            onSaved.accept(saved);
        });
    }

    @FXML
    private void onReveal() {
        vm.revealNumbers();
    }

    @FXML
    private void onCare() {
        if (shown != null && care != null) {
            care.open(stage, shown.id(), shown.name());
        }
    }

    @FXML
    private void onCancel() {
        discard.cancel(stage);
    }

}
