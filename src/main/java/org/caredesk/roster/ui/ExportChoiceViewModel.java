package org.caredesk.roster.ui;

import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.caredesk.common.Problem;
import org.caredesk.common.Text;
import org.caredesk.people.service.PersonService;

/**
 * The question asked before an export, only of a user who may export full numbers: masked (the default) or full
 * with a reason. The reason's rule is the service's ({@link PersonService#exportReasonProblems}); a missing one is
 * pointed out only once the user typed and cleared it, so the dialog does not open in red.
 */
public final class ExportChoiceViewModel {
    /** What the user chose: masked, or full with the reason. */
    public record Choice(boolean full, String reason) {
        public static final Choice MASKED = new Choice(false, null);
    }

    private final BooleanProperty full = new SimpleBooleanProperty(false);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper reasonProblem = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper valid = new ReadOnlyBooleanWrapper(true);
    private boolean touched;

    public ExportChoiceViewModel() {
        full.addListener((obs, was, now) -> validate());
        reason.addListener((obs, was, now) -> {
            touched = true;
            validate();
        });
    }

    private void validate() {
        List<Problem> problems = full.get() ? PersonService.exportReasonProblems(reason.get()) : List.of();
        valid.set(problems.isEmpty());
        boolean show = !problems.isEmpty() && (touched || !Text.isBlank(reason.get()));
        reasonProblem.set(show ? problems.get(0).localized() : "");
    }

    /** The choice to export with; only while {@link #validProperty()} holds. */
    public Choice choice() {
        if (!valid.get()) {
            throw new IllegalStateException("the export choice is not complete");
        }
        return full.get() ? new Choice(true, Text.clean(reason.get())) : Choice.MASKED;
    }

    /** True: full numbers; false: masked. */
    public BooleanProperty fullProperty() {
        return full;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The sentence under the reason: missing or too long; empty otherwise. */
    public ReadOnlyStringProperty reasonProblemProperty() {
        return reasonProblem.getReadOnlyProperty();
    }

    /** Whether 下一步 may be pressed: masked, or full with a good reason. */
    public ReadOnlyBooleanProperty validProperty() {
        return valid.getReadOnlyProperty();
    }
}
