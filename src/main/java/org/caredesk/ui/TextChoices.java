package org.caredesk.ui;

import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;

/**
 * A filter over names that come from the data (buildings, staff): a first choice "全部" (null), then the names as
 * the view model reads them, keeping the chosen one when the list is read again. The people list and the board
 * filter this way, with a plain or a searchable combo box.
 */
public final class TextChoices {
    private TextChoices() {}

    public static void filter(ComboBox<String> box, ObservableList<String> choices, ObjectProperty<String> chosen,
            String allText) {
        box.setCellFactory(lv -> cell(allText));
        box.setButtonCell(cell(allText));
        box.getItems().add(null);
        box.getItems().addAll(choices);
        choices.addListener((ListChangeListener<String>) c -> {
            String keep = box.getValue();
            box.getItems().setAll(choices);
            box.getItems().add(0, null);
            box.setValue(keep);
        });
        box.valueProperty().bindBidirectional(chosen);
    }

    private static ListCell<String> cell(String allText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? allText : item);
            }
        };
    }
}
