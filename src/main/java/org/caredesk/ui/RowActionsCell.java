package org.caredesk.ui;

import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.TableCell;
import javafx.scene.layout.HBox;
import org.caredesk.common.I18n;

/**
 * The actions of a line about a person: 记录走访, 风险评估 (for users who may record them) and 打开档案. Each link has a
 * style class ({@code row-visit}, {@code row-assess}, {@code row-file}) for tests.
 */
public final class RowActionsCell<S> extends TableCell<S, S> {
    private final HBox box = new HBox(2);

    public RowActionsCell(boolean canRecord, Consumer<S> visit, Consumer<S> assess, Consumer<S> file) {
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("row-actions");
        if (canRecord) {
            box.getChildren().add(link("today.action.visit", "row-visit", visit));
            box.getChildren().add(link("today.action.assess", "row-assess", assess));
        }
        box.getChildren().add(link("today.action.file", "row-file", file));
    }

    private Hyperlink link(String key, String styleClass, Consumer<S> action) {
        Hyperlink l = new Hyperlink(I18n.get(key));
        l.getStyleClass().add(styleClass);
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        l.setOnAction(e -> {
            S item = getItem();
            if (item != null) {
                action.accept(item);
            }
        });
        return l;
    }

    @Override
    protected void updateItem(S item, boolean empty) {
        super.updateItem(item, empty);
        setText(null);
        setGraphic(empty || item == null ? null : box);
    }
}
