package org.caredesk.ui;

import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableStringValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;

/** Table and label set-up that several screens share, so each view states only what its columns show. */
public final class Columns {
    private Columns() {}

    /** A read-only text column whose cell shows {@code value} of the row. */
    public static <S> void text(TableColumn<S, String> column, Function<S, String> value) {
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
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
