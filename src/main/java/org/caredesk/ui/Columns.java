package org.caredesk.ui;

import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;

/** Table and label set-up that several screens share, so each view states only what its columns show. */
public final class Columns {
    private Columns() {}

    /** A read-only text column whose cell shows {@code value} of the row. */
    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
    }

    /** Columns share the table's width (no empty strip on the right, no sideways scrolling). */
    public static void fillWidth(TableView<?> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
    }

    /** The sentence an empty table shows in place of rows; returned so a view may bind its text. */
    public static Label placeholder(TableView<?> table, String text) {
        Label l = new Label(text);
        l.getStyleClass().add("table-placeholder");
        table.setPlaceholder(l);
        return l;
    }

    /** A double click with the primary button on a row (not an empty one below the rows) opens it. */
    public static <S> void openOnDoubleClick(TableView<S> table, Consumer<S> open) {
        table.setRowFactory(t -> {
            TableRow<S> row = new TableRow<>();
            openOnDoubleClick(row, open);
            return row;
        });
    }

    /** The same for a row a view makes itself (for its own style classes). */
    public static <S> void openOnDoubleClick(TableRow<S> row, Consumer<S> open) {
        row.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                open.accept(row.getItem());
            }
        });
    }

    /** The page line and the 上一页 / 下一页 buttons under a paged list, each enabled only when there is a page. */
    public static void pager(Paging list, Label page, Button previous, Button next) {
        page.textProperty().bind(list.pageTextProperty());
        previous.disableProperty().bind(list.canPreviousProperty().not());
        next.disableProperty().bind(list.canNextProperty().not());
        previous.setOnAction(e -> list.previousPage());
        next.setOnAction(e -> list.nextPage());
    }

    /** A sentence label that takes no room while empty. */
    public static void message(Label label, ObservableStringValue text) {
        label.textProperty().bind(text);
        message(label);
    }

    /** The same for a label whose text is set by hand. */
    public static void message(Label label) {
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }
}
