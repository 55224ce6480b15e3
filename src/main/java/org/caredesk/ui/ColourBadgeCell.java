package org.caredesk.ui;

import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import org.caredesk.common.I18n;
import org.caredesk.common.RiskColour;

/**
 * 红 / 黄 / 绿 as a coloured badge in a table, so the grade is seen before it is read: the people list, 今日工作 and
 * the warning board show the same badge.
 */
public final class ColourBadgeCell<S> extends TableCell<S, RiskColour> {
    private final Label badge = badge();

    /** A badge label for a colour (empty until {@link #paint} is called). */
    public static Label badge() {
        Label l = new Label();
        l.getStyleClass().add("colour-badge");
        return l;
    }

    public static void paint(Label badge, RiskColour colour) {
        badge.getStyleClass().removeAll("RED", "YELLOW", "GREEN");
        if (colour == null) {
            badge.setText("");
            badge.setVisible(false);
            return;
        }
        badge.setVisible(true);
        badge.setText(I18n.label(colour));
        badge.getStyleClass().add(colour.name());
    }

    @Override
    protected void updateItem(RiskColour item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setGraphic(null);
            return;
        }
        paint(badge, item);
        setGraphic(badge);
    }
}
