package org.caredesk.visits.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;

/** 红 / 黄 / 绿 as the coloured badge of the people list, in any table. */
final class ColourCell<S> extends TableCell<S, RiskColour> {
    private final Label badge = new Label();

    ColourCell() {
        badge.getStyleClass().add("colour-badge");
    }

    @Override
    protected void updateItem(RiskColour item, boolean empty) {
        super.updateItem(item, empty);
        badge.getStyleClass().removeAll("RED", "YELLOW", "GREEN");
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        badge.setText(I18n.label(item));
        badge.getStyleClass().add(item.name());
        setGraphic(badge);
    }
}
