package org.caredesk.app;

import org.caredesk.audit.ui.PersonHistoryView;
import org.caredesk.people.ui.CloseFileView;
import org.caredesk.people.ui.CloseFileViewModel;
import org.caredesk.people.ui.PeopleView;
import org.caredesk.people.ui.PeopleViewModel;
import org.caredesk.people.ui.PersonDetailsView;
import org.caredesk.people.ui.PersonFormView;
import org.caredesk.people.ui.PersonFormViewModel;
import org.caredesk.people.ui.RosterActions;
import org.caredesk.security.Permission;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/** How the people registry's views are built. */
public final class PeopleWiring {
    private PeopleWiring() {}

    /**
     * @param roster the list's import / export / template actions
     */
    public static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks,
            DialogService dialogs, ViewLoader loader, RosterActions roster) {
        controllers.register(PeopleView.class,
                c -> new PeopleView(new PeopleViewModel(ctx.people(), tasks), loader, roster,
                        (owner, id, name) -> loader.load(PersonHistoryView.class).controller().show(owner, id, name)));
        // The file opens the person's visits and colours for users who may read them (built when first asked).
        controllers.register(PersonFormView.class, c -> new PersonFormView(
                new PersonFormViewModel(ctx.people(), tasks), dialogs,
                ctx.session().has(Permission.VISITS_READ)
                        ? (owner, id, name) -> VisitsWiring.actions(ctx, tasks, loader).openCare(owner, id, name)
                        : null));
        controllers.register(PersonDetailsView.class, c -> new PersonDetailsView());
        controllers.register(CloseFileView.class,
                c -> new CloseFileView(person -> new CloseFileViewModel(ctx.people(), tasks, person)));
    }

    public static ViewLoader.Loaded<PeopleView> mainView(ViewLoader loader) {
        return loader.load(PeopleView.class);
    }
}
