package org.caredesk.app;

import java.time.LocalDateTime;
import java.util.List;
import org.caredesk.security.Permission;
import org.caredesk.ui.NavEntry;
import org.caredesk.board.BoardService;
import org.caredesk.incidents.IncidentService;
import org.caredesk.board.data.BoardRepository;
import org.caredesk.incidents.data.IncidentRepository;
import org.caredesk.board.service.DbBoardService;
import org.caredesk.incidents.service.DbIncidentService;
import org.caredesk.board.ui.BoardListView;
import org.caredesk.board.ui.BoardView;
import org.caredesk.board.ui.BoardViewModel;
import org.caredesk.incidents.ui.IncidentFormView;
import org.caredesk.incidents.ui.IncidentFormViewModel;
import org.caredesk.incidents.ui.IncidentsView;
import org.caredesk.incidents.ui.IncidentsViewModel;
import org.caredesk.people.ui.PersonFiles;

/** The warning board (三色预警看板) and the incidents (应急处置): their services and screens. */
public final class BoardModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(BoardService.class, () -> new DbBoardService(ctx.database().dsl(), new BoardRepository(),
                ctx.care(), ctx.session()));
        ctx.provide(IncidentService.class, () -> new DbIncidentService(ctx.database().dsl(), new IncidentRepository(),
                ctx.care(), ctx.audit(), ctx.actor(), ctx.session()));
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        PersonFiles files = new PersonFiles(ctx.people(), s.tasks(), s.loader());
        s.controllers().register(BoardView.class, c -> new BoardView(
                new BoardViewModel(ctx.board(), s.tasks(), () -> LocalDateTime.now(ctx.clock())), s.loader(), files));
        s.controllers().register(BoardListView.class, c -> new BoardListView(files));
        s.controllers().register(IncidentsView.class, c -> new IncidentsView(new IncidentsViewModel(ctx.incidents(),
                s.tasks(), ctx.clock(), ctx.session().has(Permission.INCIDENTS_WRITE)), s.loader(), files));
        s.controllers().register(IncidentFormView.class, c -> new IncidentFormView(
                new IncidentFormViewModel(ctx.incidents(), ctx.people(), s.tasks(), ctx.clock()), s.dialogs()));
    }

    /** The board and the incidents for a user who may read visits (the services check it again). */
    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.VISITS_READ)) {
            entries.add(new NavEntry("board", "nav.board", () -> s.loader().load(BoardView.class)));
            entries.add(new NavEntry("incidents", "nav.incidents", () -> s.loader().load(IncidentsView.class)));
        }
    }
}
