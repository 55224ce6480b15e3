package org.caredesk.ui;

import javafx.scene.Node;
import javafx.scene.control.Control;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.decoration.StyleClassDecoration;

/**
 * Marks an input whose value breaks one of the form's rules with a ControlsFX decoration (the red frame of
 * {@code field-error}) and puts the rule's sentence on it as a tooltip, so the input at fault says what is wrong
 * where the eye is. The view model decides what is wrong (one set of rules); this only shows it.
 *
 * <p>The decoration is applied to the input itself rather than through {@code Decorator}: that would put a
 * {@code DecorationPane} in place of the window's root, and {@link FormWindow} copies the owner's stylesheets and
 * font size from that root to every window a form opens.
 */
public final class FieldMarks {
    private static final String ERROR = "field-error";
    private static final String DECORATION = "caredesk.fieldMark";
    private static final String TOOLTIP = "caredesk.fieldMarkTip";

    private FieldMarks() {}

    /** Marks {@code input} with {@code problem}, or clears the mark when the problem is null or empty. */
    public static void mark(Node input, String problem) {
        if (input.getProperties().remove(DECORATION) instanceof StyleClassDecoration old) {
            old.removeDecoration(input);
        }
        if (input instanceof Control c && c.getProperties().remove(TOOLTIP) == c.getTooltip()
                && c.getTooltip() != null) {
            c.setTooltip(null);
        }
        if (problem == null || problem.isBlank()) {
            return;
        }
        StyleClassDecoration decoration = new StyleClassDecoration(ERROR);
        decoration.applyDecoration(input);
        input.getProperties().put(DECORATION, decoration);
        if (input instanceof Control c && c.getTooltip() == null) {
            Tooltip tip = new Tooltip(problem);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            c.setTooltip(tip);
            c.getProperties().put(TOOLTIP, tip);
        }
    }

    /** The sentence an input is marked with, or null. */
    public static String problem(Node input) {
        return input instanceof Control c && c.getProperties().get(TOOLTIP) instanceof Tooltip t ? t.getText() : null;
    }
}
