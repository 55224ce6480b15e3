package org.caredesk.people.ui;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.people.Category;
import org.caredesk.people.Enums.CorrectionLevel;
import org.caredesk.people.Enums.CorrectionType;
import org.caredesk.people.Enums.DisabilityKind;
import org.caredesk.people.Enums.Diagnosis;
import org.caredesk.people.Enums.DrugProgramme;
import org.caredesk.people.Enums.Medication;
import org.caredesk.ui.EnumCells;
import org.caredesk.ui.DatePickers;

/** The per-population details of the person form; each section shows while its category is ticked. */
public final class PersonDetailsView {
    @FXML private VBox releasedSection;
    @FXML private DatePicker releaseDatePicker;
    @FXML private Label missingDetailsLabel;
    @FXML private Label helpEndLabel;
    @FXML private TextField offenceField;
    @FXML private TextField sentenceField;
    @FXML private VBox drugSection;
    @FXML private ComboBox<DrugProgramme> drugProgrammeBox;
    @FXML private DatePicker drugStartPicker;
    @FXML private Label drugEndLabel;
    @FXML private VBox correctionSection;
    @FXML private ComboBox<CorrectionType> correctionTypeBox;
    @FXML private ComboBox<CorrectionLevel> correctionLevelBox;
    @FXML private DatePicker correctionStartPicker;
    @FXML private DatePicker correctionEndPicker;
    @FXML private VBox mentalSection;
    @FXML private ComboBox<Diagnosis> diagnosisBox;
    @FXML private ComboBox<Integer> riskLevelBox;
    @FXML private DatePicker consentDatePicker;
    @FXML private ComboBox<Medication> medicationBox;
    @FXML private VBox disabledSection;
    @FXML private ComboBox<DisabilityKind> disabilityKindBox;
    @FXML private ComboBox<Integer> disabilityGradeBox;
    @FXML private TextField disabilityCertificateField;
    @FXML private VBox otherSection;
    @FXML private TextField otherTextField;

    void bind(PersonFormViewModel vm) {
        missingDetailsLabel.textProperty().bind(vm.missingDetailsProperty());
        missingDetailsLabel.visibleProperty().bind(missingDetailsLabel.textProperty().isNotEmpty());
        missingDetailsLabel.managedProperty().bind(missingDetailsLabel.visibleProperty());
        section(releasedSection, vm, Category.RELEASED_PRISONER);
        DatePickers.bind(releaseDatePicker, vm.details().releaseDate());
        helpEndLabel.textProperty().bind(vm.helpEndProperty());
        offenceField.textProperty().bindBidirectional(vm.details().offenceProperty());
        sentenceField.textProperty().bindBidirectional(vm.details().sentenceProperty());

        section(drugSection, vm, Category.DRUG_USER);
        choices(drugProgrammeBox, DrugProgramme.values());
        drugProgrammeBox.valueProperty().bindBidirectional(vm.details().drugProgrammeProperty());
        DatePickers.bind(drugStartPicker, vm.details().drugStartDate());
        drugEndLabel.textProperty().bind(vm.drugEndProperty());

        section(correctionSection, vm, Category.CORRECTION);
        choices(correctionTypeBox, CorrectionType.values());
        correctionTypeBox.valueProperty().bindBidirectional(vm.details().correctionTypeProperty());
        choices(correctionLevelBox, CorrectionLevel.values());
        correctionLevelBox.valueProperty().bindBidirectional(vm.details().correctionLevelProperty());
        DatePickers.bind(correctionStartPicker, vm.details().correctionStart());
        DatePickers.bind(correctionEndPicker, vm.details().correctionEnd());

        section(mentalSection, vm, Category.MENTAL_DISORDER);
        choices(diagnosisBox, Diagnosis.values());
        diagnosisBox.valueProperty().bindBidirectional(vm.details().diagnosisProperty());
        numbers(riskLevelBox, List.of(0, 1, 2, 3, 4, 5), "people.form.riskLevel.");
        riskLevelBox.valueProperty().bindBidirectional(vm.details().mentalRiskLevelProperty());
        DatePickers.bind(consentDatePicker, vm.details().consentDate());
        choices(medicationBox, Medication.values());
        medicationBox.valueProperty().bindBidirectional(vm.details().medicationProperty());

        section(disabledSection, vm, Category.DISABLED);
        choices(disabilityKindBox, DisabilityKind.values());
        disabilityKindBox.valueProperty().bindBidirectional(vm.details().disabilityKindProperty());
        numbers(disabilityGradeBox, List.of(1, 2, 3, 4), "people.form.disabilityGrade.");
        disabilityGradeBox.valueProperty().bindBidirectional(vm.details().disabilityGradeProperty());
        disabilityCertificateField.textProperty().bindBidirectional(vm.details().disabilityCertificateProperty());

        section(otherSection, vm, Category.OTHER);
        otherTextField.textProperty().bindBidirectional(vm.details().otherTextProperty());
    }

    /** The details section of a category; ELDERLY_ALONE has none and gives null. */
    VBox section(Category category) {
        return switch (category) {
            case RELEASED_PRISONER -> releasedSection;
            case DRUG_USER -> drugSection;
            case CORRECTION -> correctionSection;
            case MENTAL_DISORDER -> mentalSection;
            case DISABLED -> disabledSection;
            case OTHER -> otherSection;
            default -> null;
        };
    }

    private static void section(VBox section, PersonFormViewModel vm, Category category) {
        section.visibleProperty().bind(vm.categoryProperty(category));
        section.managedProperty().bind(section.visibleProperty());
    }

    @SafeVarargs
    private static <E extends Enum<E>> void choices(ComboBox<E> box, E... values) {
        box.getItems().setAll(values);
        EnumCells.use(box);
    }

    /** Numbered grades shown with their meaning, e.g. "3 级：在任何场所打砸，不能自行停止". */
    private static void numbers(ComboBox<Integer> box, List<Integer> values, String keyPrefix) {
        box.getItems().setAll(values);
        box.setCellFactory(lv -> numberCell(keyPrefix));
        box.setButtonCell(numberCell(keyPrefix));
    }

    private static ListCell<Integer> numberCell(String keyPrefix) {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : I18n.get(keyPrefix + item));
            }
        };
    }
}
