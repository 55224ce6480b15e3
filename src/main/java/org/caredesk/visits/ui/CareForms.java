package org.caredesk.visits.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.caredesk.risk.Assessment;
import org.caredesk.risk.ColourOverride;

/**
 * The risk room's forms that a person's visits window opens: the wiring supplies them, so this room never names
 * another room's views.
 */
public final class CareForms {
    /** Shows the structured risk assessment form; {@code afterSave} gets the saved assessment. */
    @FunctionalInterface
    public interface AssessmentForm {
        void show(Window owner, UUID personId, String name, Consumer<Assessment> afterSave);
    }

    /** Shows the colour override form; {@code afterDone} gets one sentence of what was done. */
    @FunctionalInterface
    public interface OverrideForm {
        void show(Window owner, UUID personId, String name, ColourOverride active, Consumer<String> afterDone);
    }

    private CareForms() {}
}
