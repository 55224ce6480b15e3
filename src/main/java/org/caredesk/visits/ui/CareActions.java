package org.caredesk.visits.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.risk.ColourOverride;
import org.caredesk.ui.CareChanges;
import org.caredesk.ui.PersonActions;
import org.caredesk.ui.PersonFileOpener;
import org.caredesk.ui.ViewLoader;
import org.caredesk.visits.ui.CareForms.AssessmentForm;
import org.caredesk.visits.ui.CareForms.OverrideForm;

/**
 * What a line about a person offers, wherever it is shown (the home screen, the person's file): record a visit, a
 * risk assessment, open the file, see the visits and colours. Every save tells {@link CareChanges}. The forms of
 * other rooms (the file, the assessment, the override) come in from the wiring.
 */
public final class CareActions implements PersonActions {
    private final ViewLoader loader;
    private final PersonFileOpener files;
    private final AssessmentForm assessments;
    private final OverrideForm overrides;
    private final CareChanges changes;

    public CareActions(ViewLoader loader, PersonFileOpener files, AssessmentForm assessments, OverrideForm overrides,
            CareChanges changes) {
        this.loader = loader;
        this.files = files;
        this.assessments = assessments;
        this.overrides = overrides;
        this.changes = changes;
    }

    @Override
    public CareChanges changes() {
        return changes;
    }

    /** The visit form for these people (one, or several for a group visit). */
    @Override
    public void recordVisit(Window owner, List<UUID> personIds, Consumer<String> onSaved) {
        VisitFormView form = loader.load(VisitFormView.class).controller();
        form.show(owner, personIds, visit -> {
            changes.fire();
            onSaved.accept(I18n.get("visitForm.saved", visit.data().people().size(),
                    VisitFormViewModel.names(visit)));
        });
    }

    /** The structured risk assessment for a person. */
    @Override
    public void assess(Window owner, UUID personId, String name, Consumer<String> onSaved) {
        assessments.show(owner, personId, name, saved -> {
            changes.fire();
            onSaved.accept(I18n.get("assessment.saved", name, I18n.label(saved.colour())));
        });
    }

    /** The person's file (the registry's form), read off the FX thread. */
    @Override
    public void openFile(Window owner, UUID personId, Consumer<String> onError) {
        files.open(owner, personId, onError, changes::fire);
    }

    /** The colour override form for a person; every change is told to {@link CareChanges}. */
    public void override(Window owner, UUID personId, String name, ColourOverride active, Consumer<String> onDone) {
        overrides.show(owner, personId, name, active, message -> {
            onDone.accept(message);
            changes.fire();
        });
    }

    /** The person's visits and colour timeline, with the override. */
    public void openCare(Window owner, UUID personId, String name) {
        PersonCareView view = loader.load(PersonCareView.class).controller();
        view.show(owner, personId, name);
    }
}
