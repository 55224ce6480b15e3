package org.caredesk.visits.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;
import org.caredesk.people.Enums.Medication;
import org.caredesk.ui.DatePickers;
import org.caredesk.ui.EnumCells;
import org.caredesk.visits.Insight;
import org.caredesk.common.UrineResult;

/**
 * One person's part of the visit form, built in code: who, the urine test for a drug user, the national follow-up
 * items for a mental-disorder patient, and the next visit with the rules' proposal. Ids inside are the same for
 * every person; the pane itself is {@code part-<n>}.
 */
final class VisitPartPane extends VBox {

    VisitPartPane(VisitPartModel part, int index, Runnable onRemove) {
        setId("part-" + index);
        getStyleClass().add("person-part");
        Label who = new Label(part.summary());
        who.setId("partSummary");
        who.setWrapText(true);
        who.getStyleClass().add("section-title");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Hyperlink remove = new Hyperlink(I18n.get("visitForm.removePerson"));
        remove.setId("removePerson");
        remove.setMinWidth(Region.USE_PREF_SIZE);
        remove.setOnAction(e -> onRemove.run());
        HBox head = new HBox(8, who, spacer, remove);
        head.setAlignment(Pos.CENTER_LEFT);
        getChildren().add(head);

        if (part.subject().drugUser()) {
            ComboBox<UrineResult> result = new ComboBox<>();
            result.setId("urineResultBox");
            result.getItems().add(null);
            result.getItems().addAll(UrineResult.values());
            EnumCells.use(result, I18n.get("visitForm.notStated"));
            result.valueProperty().bindBidirectional(part.urineResultProperty());
            DatePicker date = new DatePicker();
            date.setId("urineDatePicker");
            date.setPrefWidth(170);
            DatePickers.bind(date, part.urineDate());
            date.disableProperty().bind(part.urineResultProperty().isEqualTo(UrineResult.NOT_TESTED));
            getChildren().add(row(I18n.get("visitForm.urine"), result, new Label(I18n.get("visitForm.urineDate")),
                    date, hint(I18n.get("visitForm.urineDateHint"))));
        }
        if (part.subject().mentalDisorder()) {
            ComboBox<Integer> level = new ComboBox<>();
            level.setId("riskLevelBox");
            level.getItems().addAll(0, 1, 2, 3, 4, 5);
            level.setCellFactory(lv -> levelCell());
            level.setButtonCell(levelCell());
            level.valueProperty().bindBidirectional(part.riskLevelProperty());
            Integer last = part.subject().mentalRiskLevel();
            Label lastLevel = hint(last == null ? "" : I18n.get("visitForm.lastLevel", last));
            ComboBox<Insight> insight = new ComboBox<>();
            insight.setId("insightBox");
            insight.getItems().add(null);
            insight.getItems().addAll(Insight.values());
            EnumCells.use(insight, I18n.get("visitForm.notStated"));
            insight.valueProperty().bindBidirectional(part.insightProperty());
            ComboBox<Medication> medication = new ComboBox<>();
            medication.setId("medicationBox");
            medication.getItems().add(null);
            medication.getItems().addAll(Medication.values());
            EnumCells.use(medication, I18n.get("visitForm.notStated"));
            medication.valueProperty().bindBidirectional(part.medicationProperty());
            ComboBox<Boolean> consent = new ComboBox<>();
            consent.setId("consentBox");
            consent.getItems().addAll(null, Boolean.TRUE, Boolean.FALSE);
            consent.setCellFactory(lv -> consentCell());
            consent.setButtonCell(consentCell());
            consent.valueProperty().bindBidirectional(part.consentProperty());
            TextField symptoms = new TextField();
            symptoms.setId("symptomsField");
            symptoms.setPromptText(I18n.get("visitForm.symptomsPrompt"));
            symptoms.textProperty().bindBidirectional(part.symptomsProperty());
            HBox.setHgrow(symptoms, Priority.ALWAYS);
            getChildren().add(row(I18n.get("visitForm.riskLevel"), level, lastLevel));
            getChildren().add(row(I18n.get("visitForm.insight"), insight, new Label(I18n.get("visitForm.medication")),
                    medication, new Label(I18n.get("visitForm.consent")), consent));
            HBox symptomsRow = new HBox(8, caption(I18n.get("visitForm.symptoms")), symptoms);
            symptomsRow.setAlignment(Pos.CENTER_LEFT);
            getChildren().add(symptomsRow);
        }
        DatePicker next = new DatePicker();
        next.setId("nextVisitPicker");
        next.setPrefWidth(150);
        DatePickers.bind(next, part.nextVisit());
        Label proposal = hint("");
        proposal.setId("proposalLabel");
        proposal.textProperty().bind(part.proposalProperty());
        getChildren().add(row(I18n.get("visitForm.nextVisit"), next, proposal));
    }

    private static FlowPane row(String caption, javafx.scene.Node... nodes) {
        FlowPane row = new FlowPane(8, 6);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().add(caption(caption));
        row.getChildren().addAll(List.of(nodes));
        return row;
    }

    private static Label caption(String text) {
        Label l = new Label(text);
        l.setMinWidth(Region.USE_PREF_SIZE);
        return l;
    }

    private static Label hint(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("hint");
        l.setWrapText(true);
        return l;
    }

    private static ListCell<Integer> levelCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Integer item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : I18n.get("visitForm.level." + item));
            }
        };
    }

    private static ListCell<Boolean> consentCell() {
        return new ListCell<>() {
            @Override
            protected void updateItem(Boolean item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : I18n.get(item == null ? "visitForm.notStated"
                        : item ? "visitForm.consentYes" : "visitForm.consentNo"));
            }
        };
    }
}
