package org.caredesk.ui;

import java.time.LocalDate;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * A date field of a view model. The typed text is the state, so a half-typed or mistyped date stays on screen
 * and becomes a field error instead of being silently dropped; the parsed date follows it.
 */
public final class DateInput {
    private final StringProperty text = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<LocalDate> value = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper unparseable = new ReadOnlyBooleanWrapper();

    public DateInput() {
        text.addListener((obs, old, now) -> update(now));
    }

    private void update(String now) {
        LocalDate parsed = DateText.parse(now).orElse(null);
        unparseable.set(parsed == null && !DateText.isBlank(now));
        value.set(parsed);
    }

    public StringProperty textProperty() {
        return text;
    }

    public ReadOnlyObjectProperty<LocalDate> valueProperty() {
        return value.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty unparseableProperty() {
        return unparseable.getReadOnlyProperty();
    }

    public LocalDate value() {
        return value.get();
    }

    public boolean isUnparseable() {
        return unparseable.get();
    }

    public void set(LocalDate date) {
        text.set(DateText.format(date));
    }
}
