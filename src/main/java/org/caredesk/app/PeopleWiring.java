package org.caredesk.app;

import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;

/** How the people registry's views are built. */
final class PeopleWiring {
    private PeopleWiring() {}

    static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks, DialogService dialogs,
            ViewLoader loader) {
        // filled in with the registry's views
    }

    static ViewLoader.Loaded<?> mainView(ViewLoader loader) {
        return null;
    }
}
