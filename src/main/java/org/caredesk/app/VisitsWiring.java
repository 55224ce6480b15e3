package org.caredesk.app;

import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.ui.DialogService;
import org.caredesk.ui.TaskRunner;
import org.caredesk.ui.ViewLoader;
import org.caredesk.visits.ui.AssessmentFormView;
import org.caredesk.visits.ui.AssessmentFormViewModel;
import org.caredesk.visits.ui.CareActions;
import org.caredesk.visits.ui.CareChanges;
import org.caredesk.visits.ui.OverrideView;
import org.caredesk.visits.ui.OverrideViewModel;
import org.caredesk.visits.ui.PersonCareView;
import org.caredesk.visits.ui.PersonCareViewModel;
import org.caredesk.visits.ui.RiskRulesView;
import org.caredesk.visits.ui.RiskRulesViewModel;
import org.caredesk.visits.ui.TodayView;
import org.caredesk.visits.ui.TodayViewModel;
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
        return ctx.get(CareActions.class, c -> new CareActions(loader, tasks, c.people(), changes(c)));
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
                actions(ctx, tasks, loader), loader));
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
