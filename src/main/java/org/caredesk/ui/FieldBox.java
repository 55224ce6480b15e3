package org.caredesk.ui;

import javafx.beans.DefaultProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import org.caredesk.common.I18n;

/**
 * One form field as FXML declares it: caption above, the input, and the field's problem below, e.g.
 * {@code <FieldBox field="ID_NUMBER" required="true"><TextField fx:id="idNumberField"/></FieldBox>}. The caption is
 * the field's label ({@code field.<NAME>}); the problem label gets the id {@code error-<NAME>} so tests can read it.
 */
@DefaultProperty("input")
public final class FieldBox extends VBox {
    private final Label caption = new Label();
    private final Label message = new Label();
    private final ObjectProperty<Node> input = new SimpleObjectProperty<>(this, "input");
    private String field;
    private boolean required;
    private String label;

    public FieldBox() {
        setSpacing(3);
        getStyleClass().add("field-box");
        caption.getStyleClass().add("field-caption");
        caption.setMinWidth(USE_PREF_SIZE);
        message.setWrapText(true);
        message.setMaxWidth(Double.MAX_VALUE);
        message.managedProperty().bind(message.visibleProperty());
        message.setVisible(false);
        getChildren().addAll(caption, message);
        input.addListener((obs, old, now) -> {
            if (old != null) {
                getChildren().remove(old);
            }
            if (now != null) {
                getChildren().add(1, now);
                if (now instanceof javafx.scene.control.Control c) {
                    c.setMaxWidth(Double.MAX_VALUE);
                }
            }
        });
    }

    public String getField() {
        return field;
    }

    /** A {@code PersonField} name, or another key under {@code field.}; sets the caption. */
    public void setField(String field) {
        this.field = field;
        message.setId("error-" + field);
        updateCaption();
    }

    public String getLabel() {
        return label;
    }

    /** A caption other than the field's own label, for derived values that are not fields. */
    public void setLabel(String label) {
        this.label = label;
        updateCaption();
    }

    public boolean isRequired() {
        return required;
    }

    public void setRequired(boolean required) {
        this.required = required;
        updateCaption();
    }

    private void updateCaption() {
        String text = label != null ? label : field == null ? "" : I18n.get("field." + field);
        caption.setText(required ? text + " *" : text);
    }

    public Node getInput() {
        return input.get();
    }

    public void setInput(Node node) {
        input.set(node);
    }

    public ObjectProperty<Node> inputProperty() {
        return input;
    }

    /** Shows one problem sentence under the input (or clears it with null); a warning does not mark the input. */
    public void show(String text, boolean warning) {
        boolean shown = text != null && !text.isEmpty();
        message.setText(shown ? text : "");
        message.setVisible(shown);
        message.getStyleClass().removeAll("error-text", "warning-text");
        message.getStyleClass().add(warning ? "warning-text" : "error-text");
        Node n = input.get();
        if (n != null) {
            FieldMarks.mark(n, shown && !warning ? text : null);
        }
    }

    public String shownText() {
        return message.getText();
    }
}
