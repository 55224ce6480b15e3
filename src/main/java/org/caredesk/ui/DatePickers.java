package org.caredesk.ui;

import javafx.application.Platform;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.StringConverter;
import org.caredesk.common.I18n;

/** Ties a {@link DatePicker} to a {@link DateInput}: picking from the calendar and typing both work. */
public final class DatePickers {
    private DatePickers() {}

    public static void bind(DatePicker picker, DateInput input) {
        picker.setEditable(true);
        picker.setPromptText(I18n.get("people.form.datePrompt"));
        picker.setConverter(new StringConverter<>() {
            @Override
            public String toString(java.time.LocalDate date) {
                return DateText.format(date);
            }

            @Override
            public java.time.LocalDate fromString(String text) {
                return DateText.parse(text).orElse(null);
            }
        });
        TextField editor = picker.getEditor();
        boolean[] quiet = {false};
        editor.setText(input.textProperty().get());
        picker.setValue(input.value());
        editor.textProperty().addListener((obs, old, now) -> {
            if (!quiet[0]) {
                input.textProperty().set(now);
            }
        });
        input.textProperty().addListener((obs, old, now) -> {
            if (!now.equals(editor.getText())) {
                quiet[0] = true;
                editor.setText(now);
                picker.setValue(input.value());
                quiet[0] = false;
            }
        });
        picker.valueProperty().addListener((obs, old, now) -> {
            if (!quiet[0] && now != null && !now.equals(input.value())) {
                input.set(now);
            }
        });
        // On commit (focus lost, Enter) the skin rewrites the editor from its last good value, which would silently
        // drop a mistyped date; put the typed text back so the field keeps showing what is wrong.
        Runnable keepTyped = () -> {
            String typed = input.textProperty().get();
            quiet[0] = true;
            Platform.runLater(() -> {
                if (input.isUnparseable() && !typed.equals(editor.getText())) {
                    editor.setText(typed);
                } else if (!input.isUnparseable() && !editor.getText().equals(typed)
                        && DateText.parse(editor.getText()).equals(DateText.parse(typed))) {
                    input.textProperty().set(editor.getText());
                }
                quiet[0] = false;
            });
        };
        picker.focusedProperty().addListener((obs, was, is) -> {
            if (!is) {
                keepTyped.run();
            }
        });
        editor.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                keepTyped.run();
            }
        });
    }
}
