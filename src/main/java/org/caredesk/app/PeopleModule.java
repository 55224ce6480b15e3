package org.caredesk.app;

import java.util.List;
import org.caredesk.db.BulkWriteGuard;
import org.caredesk.db.Database;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.service.PersonService;
import org.caredesk.roster.service.RosterExporter;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.people.ui.CloseFileView;
import org.caredesk.people.ui.CloseFileViewModel;
import org.caredesk.audit.ui.PersonHistoryView;
import org.caredesk.people.ui.PeopleView;
import org.caredesk.people.ui.PeopleViewModel;
import org.caredesk.people.ui.PersonDetailsView;
import org.caredesk.people.ui.PersonFormView;
import org.caredesk.people.ui.PersonFormViewModel;
import org.caredesk.ui.RosterActions;
import org.caredesk.roster.ui.ExportChoiceView;
import org.caredesk.roster.ui.FxRosterActions;
import org.caredesk.roster.ui.ImportView;
import org.caredesk.security.Permission;
import org.caredesk.ui.NavEntry;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.visits.ui.CareActions;

/** The people registry: its service, the roster import and export, and its views. */
public final class PeopleModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(PersonService.class, () -> {
            Database database = ctx.database();
            BulkWriteGuard guard = database.isFile()
                    ? new BulkWriteGuard(ctx.dataDir(), () -> database, ctx::databaseFiles, ctx.clock())
                    : BulkWriteGuard.NONE;
            return new PersonService(database.dsl(), new PersonRepository(), ctx.clock(), PeopleRules.DEFAULTS,
                    ctx.audit(), ctx.actor(), ctx.session(), ctx.service(CareKeeper.class), guard);
        });
        ctx.provide(RosterImporter.class, () -> new RosterImporter(ctx.people()));
        ctx.provide(RosterExporter.class, () -> new RosterExporter(ctx.people(), ctx.tempDir()));
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        s.provide(RosterActions.class, () -> new FxRosterActions(ctx.service(RosterImporter.class),
                ctx.service(RosterExporter.class), s.tasks(), s.dialogs(), s.loader(), s::window, ctx.tempDir()));
        s.controllers().register(PeopleView.class, c -> new PeopleView(new PeopleViewModel(ctx.people(), s.tasks()),
                s.loader(), s.get(RosterActions.class), (owner, id, name) -> s.loader().load(PersonHistoryView.class)
                        .controller().show(owner, id, name)));
        // The file opens the person's visits and colours for users who may read them.
        s.controllers().register(PersonFormView.class, c -> new PersonFormView(
                new PersonFormViewModel(ctx.people(), s.tasks()), s.dialogs(),
                ctx.session().has(Permission.VISITS_READ)
                        ? (owner, id, name) -> s.get(CareActions.class).openCare(owner, id, name)
                        : null));
        s.controllers().register(PersonDetailsView.class, c -> new PersonDetailsView());
        s.controllers().register(CloseFileView.class,
                c -> new CloseFileView(person -> new CloseFileViewModel(ctx.people(), s.tasks(), person)));
        // The roster import dialog (FxRosterActions loads it through this loader).
        s.controllers().register(ImportView.class, c -> new ImportView());
        s.controllers().register(ExportChoiceView.class, c -> new ExportChoiceView());
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.PEOPLE_READ)) {
            entries.add(new NavEntry("people", "nav.people", () -> s.loader().load(PeopleView.class)));
        }
    }
}
