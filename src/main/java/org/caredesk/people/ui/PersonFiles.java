package org.caredesk.people.ui;

import java.util.UUID;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.caredesk.common.I18n;
import org.caredesk.people.service.PersonService;
import org.caredesk.ui.ErrorMessages;
import org.caredesk.ui.PersonFileOpener;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/**
 * Opens a person's file (the registry's form) from a line of the board or the incidents list: read off the FX
 * thread and recorded as viewed, like opening it from the people list.
 */
public final class PersonFiles implements PersonFileOpener {
    private final PersonService people;
    private final TaskRunner tasks;
    private final ViewLoader loader;

    public PersonFiles(PersonService people, TaskRunner tasks, ViewLoader loader) {
        this.people = people;
        this.tasks = tasks;
        this.loader = loader;
    }

    @Override
    public void open(Window owner, UUID personId, Consumer<String> onError, Runnable afterSave) {
        tasks.run(p -> people.view(personId), found -> {
            if (found.isEmpty()) {
                onError.accept(I18n.get("error.personNotFound"));
                return;
            }
            PersonFormView form = loader.load(PersonFormView.class).controller();
            form.show(owner, found.get(), saved -> afterSave.run());
        }, e -> onError.accept(ErrorMessages.of(e)));
    }
}
