package org.caredesk.ui;

import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import org.caredesk.common.I18n;

/** Combo boxes of enum values show their translated labels, and a blank choice for null. */
public final class EnumCells {
    private EnumCells() {}

    public static <E extends Enum<E>> void use(ComboBox<E> box) {
        box.setCellFactory(lv -> cell());
        box.setButtonCell(cell());
    }

    /** Same, with a text for the null choice (e.g. "全部" in a filter). */
    public static <E extends Enum<E>> void use(ComboBox<E> box, String nullText) {
        box.setCellFactory(lv -> cell(nullText));
        box.setButtonCell(cell(nullText));
    }

    private static <E extends Enum<E>> ListCell<E> cell() {
        return cell("");
    }

    private static <E extends Enum<E>> ListCell<E> cell(String nullText) {
        return new ListCell<>() {
            @Override
            protected void updateItem(E item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item == null ? nullText : I18n.label(item));
            }
        };
    }
}
