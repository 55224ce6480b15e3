package org.caredesk.app;

import org.caredesk.people.ui.PersonFiles;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.risk.ui.AssessmentFormView;
import org.caredesk.risk.ui.AssessmentFormViewModel;
import org.caredesk.visits.ui.CareActions;
import org.caredesk.ui.CareChanges;
import org.caredesk.risk.ui.OverrideView;
import org.caredesk.risk.ui.OverrideViewModel;
import org.caredesk.visits.ui.PersonCareView;
import org.caredesk.visits.ui.PersonCareViewModel;
import org.caredesk.risk.ui.RiskRulesView;
import org.caredesk.risk.ui.RiskRulesViewModel;
import org.caredesk.today.ui.TodayView;
import org.caredesk.today.ui.TodayViewModel;
import org.caredesk.visits.ui.VisitFormView;
import org.caredesk.visits.ui.VisitFormViewModel;

/** How the home screen (今日工作), the visit and assessment forms and a person's visits and colours are built. */
public final class VisitsWiring {
    private VisitsWiring() {}

    /** The one place that tells open screens a visit, assessment or override was saved. */
    public static CareChanges changes(AppContext ctx) {
        return ctx.get(CareChanges.class, c -> new CareChanges());
    }

    public static CareActions actions(AppContext ctx, TaskRunner tasks, ViewLoader loader) {
        // The file, the assessment and the override belong to other rooms: handed in, so visits never names them.
        return ctx.get(CareActions.class, c -> new CareActions(loader, new PersonFiles(c.people(), tasks, loader),
                (owner, id, name, saved) -> loader.load(AssessmentFormView.class).controller()
                        .show(owner, id, name, saved),
                (owner, id, name, active, done) -> loader.load(OverrideView.class).controller()
                        .show(owner, id, name, active, done),
                changes(c)));
    }

    public static void register(ControllerFactory controllers, AppContext ctx, TaskRunner tasks,
            DialogService dialogs, ViewLoader loader) {
        Session session = ctx.session();
        controllers.register(TodayView.class, c -> new TodayView(new TodayViewModel(ctx.workList(), ctx.board(),
                tasks, session.has(Permission.VISITS_WRITE)), actions(ctx, tasks, loader)));
        controllers.register(VisitFormView.class, c -> new VisitFormView(
                new VisitFormViewModel(ctx.visits(), ctx.people(), tasks, ctx.clock()), dialogs));
        controllers.register(AssessmentFormView.class, c -> new AssessmentFormView(
                new AssessmentFormViewModel(ctx.assessments(), tasks, ctx.clock()), dialogs));
        controllers.register(PersonCareView.class, c -> new PersonCareView(new PersonCareViewModel(ctx.visits(),
                ctx.colours(), tasks, session.has(Permission.VISITS_WRITE), session.has(Permission.COLOUR_OVERRIDE)),
                actions(ctx, tasks, loader)));
        controllers.register(OverrideView.class, c -> new OverrideView(
                new OverrideViewModel(ctx.colours(), tasks, ctx.clock()), dialogs));
        // 走访与预警规则, a section of the settings page (included by its FXML).
        controllers.register(RiskRulesView.class, c -> new RiskRulesView(new RiskRulesViewModel(ctx.riskSettings(),
                tasks, session.has(Permission.SETTINGS_MANAGE))));
    }

    public static ViewLoader.Loaded<TodayView> mainView(ViewLoader loader) {
        return loader.load(TodayView.class);
    }
}
