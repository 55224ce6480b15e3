package org.caredesk.visits.ui;

import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.people.service.PersonService;
import org.caredesk.people.ui.PersonFormView;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/**
 * What a line about a person offers, wherever it is shown (the home screen, the person's file): record a visit, a
 * risk assessment, open the file, see the visits and colours. Every save tells {@link CareChanges}.
 */
public final class CareActions {
    private final ViewLoader loader;
    private final TaskRunner tasks;
    private final PersonService people;
    private final CareChanges changes;

    public CareActions(ViewLoader loader, TaskRunner tasks, PersonService people, CareChanges changes) {
        this.loader = loader;
        this.tasks = tasks;
        this.people = people;
        this.changes = changes;
    }

    public CareChanges changes() {
        return changes;
    }

    /** The visit form for these people (one, or several for a group visit). */
    public void recordVisit(Window owner, List<UUID> personIds, Consumer<String> onSaved) {
        VisitFormView form = loader.load(VisitFormView.class).controller();
        form.show(owner, personIds, visit -> {
            changes.fire();
            onSaved.accept(I18n.get("visitForm.saved", visit.data().people().size(),
                    VisitFormViewModel.names(visit)));
        });
    }

    /** The structured risk assessment for a person. */
    public void assess(Window owner, UUID personId, String name, Consumer<String> onSaved) {
        AssessmentFormView form = loader.load(AssessmentFormView.class).controller();
        form.show(owner, personId, name, saved -> {
            changes.fire();
            onSaved.accept(I18n.get("assessment.saved", name, I18n.label(saved.colour())));
        });
    }

    /** The person's file (the registry's form), read off the FX thread. */
    public void openFile(Window owner, UUID personId, Consumer<String> onError) {
        tasks.run(p -> people.view(personId), found -> {
            if (found.isEmpty()) {
                onError.accept(I18n.get("error.personNotFound"));
                return;
            }
            PersonFormView form = loader.load(PersonFormView.class).controller();
            form.show(owner, found.get(), saved -> changes.fire());
        }, e -> onError.accept(ErrorMessages.of(e)));
    }

    /** The person's visits and colour timeline, with the override. */
    public void openCare(Window owner, UUID personId, String name) {
        PersonCareView view = loader.load(PersonCareView.class).controller();
        view.show(owner, personId, name);
    }
}
