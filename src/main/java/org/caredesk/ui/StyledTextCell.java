package org.caredesk.ui;

import javafx.scene.control.TableCell;

/** A text cell with a style class (red for days overdue, a late incident's flag). */
public final class StyledTextCell<S> extends TableCell<S, String> {
    public StyledTextCell(String styleClass) {
        getStyleClass().add(styleClass);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
