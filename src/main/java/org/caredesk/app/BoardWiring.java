package org.caredesk.app;

import java.time.LocalDateTime;
import java.util.List;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.NavEntry;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.board.ui.BoardListView;
import org.caredesk.board.ui.BoardView;
import org.caredesk.board.ui.BoardViewModel;
import org.caredesk.incidents.ui.IncidentFormView;
import org.caredesk.incidents.ui.IncidentFormViewModel;
import org.caredesk.incidents.ui.IncidentsView;
import org.caredesk.incidents.ui.IncidentsViewModel;
import org.caredesk.people.ui.PersonFiles;

/** How the warning board (三色预警看板) and the incidents (应急处置) screens are built. */
public final class BoardWiring {
    private BoardWiring() {}

    public static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks,
            DialogService dialogs, ViewLoader loader) {
        PersonFiles files = new PersonFiles(ctx.people(), tasks, loader);
        controllers.register(BoardView.class, c -> new BoardView(
                new BoardViewModel(ctx.board(), tasks, () -> LocalDateTime.now(ctx.clock())), loader, files));
        controllers.register(BoardListView.class, c -> new BoardListView(files));
        controllers.register(IncidentsView.class, c -> new IncidentsView(new IncidentsViewModel(ctx.incidents(),
                tasks, ctx.clock(), UsersWiring.session(ctx).has(Permission.INCIDENTS_WRITE)), loader, files));
        controllers.register(IncidentFormView.class, c -> new IncidentFormView(
                new IncidentFormViewModel(ctx.incidents(), ctx.people(), tasks, ctx.clock()), dialogs));
    }

    /** The board and the incidents for a user who may read visits (the services check it again). */
    public static void addNavEntries(List<NavEntry> entries, Session session, ViewLoader loader) {
        if (session.has(Permission.VISITS_READ)) {
            entries.add(new NavEntry("board", "nav.board", () -> loader.load(BoardView.class)));
            entries.add(new NavEntry("incidents", "nav.incidents", () -> loader.load(IncidentsView.class)));
        }
    }
}
