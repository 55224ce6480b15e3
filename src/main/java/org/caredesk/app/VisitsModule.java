package org.caredesk.app;

import java.util.List;
import org.caredesk.people.data.PersonRepository;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.security.Permission;
import org.caredesk.security.Session;
import org.caredesk.ui.NavEntry;
import org.caredesk.risk.AssessmentService;
import org.caredesk.risk.ColourService;
import org.caredesk.risk.RiskSettingsService;
import org.caredesk.visits.VisitService;
import org.caredesk.today.WorkListService;
import org.caredesk.risk.data.AssessmentRepository;
import org.caredesk.risk.data.CareRepository;
import org.caredesk.incidents.data.IncidentRepository;
import org.caredesk.visits.data.VisitRepository;
import org.caredesk.today.data.WorkListRepository;
import org.caredesk.risk.service.CareKeeper;
import org.caredesk.risk.service.DbAssessmentService;
import org.caredesk.risk.service.DbColourService;
import org.caredesk.visits.service.DbVisitService;
import org.caredesk.today.service.DbWorkListService;
import org.caredesk.today.service.QueryPlans;
import org.caredesk.risk.service.StoredRiskSettings;
import org.caredesk.visits.service.SyntheticVisits;
import org.caredesk.risk.ui.AssessmentFormView;
import org.caredesk.risk.ui.AssessmentFormViewModel;
import org.caredesk.visits.ui.CareActions;
import org.caredesk.people.ui.PersonFiles;
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

/**
 * Visits, assessments, colours and their rules, and the home screen (今日工作): the keeper of the derived rows, the
 * services, the forms and a person's visits and colours.
 */
public final class VisitsModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(RiskSettingsService.class, () -> new StoredRiskSettings(ctx.database().dsl(), ctx.audit(),
                ctx.actor(), ctx.session()));
        ctx.provide(CareKeeper.class, () -> new CareKeeper(new CareRepository(), new AssessmentRepository(),
                new IncidentRepository(), new PersonRepository()::findById, ctx.riskSettings(), PeopleRules.DEFAULTS,
                ctx.clock(), ctx.actor()));
        ctx.provide(VisitService.class, () -> new DbVisitService(ctx.database().dsl(), new VisitRepository(),
                new CareRepository(), ctx.care(), ctx.audit(), ctx.actor(), ctx.session()));
        ctx.provide(AssessmentService.class, () -> new DbAssessmentService(ctx.database().dsl(),
                new AssessmentRepository(), ctx.care(), ctx.audit(), ctx.actor(), ctx.session()));
        ctx.provide(ColourService.class, () -> new DbColourService(ctx.database().dsl(), new CareRepository(),
                ctx.care(), ctx.audit(), ctx.actor(), ctx.session()));
        ctx.provide(WorkListService.class, () -> new DbWorkListService(ctx.database().dsl(), new WorkListRepository(),
                ctx.care(), ctx.colours(), PeopleRules.DEFAULTS, ctx.session()));
        ctx.provide(SyntheticVisits.class, () -> new SyntheticVisits(ctx.database().dsl(), new VisitRepository(),
                new CareRepository(), new PersonRepository(), ctx.care(), ctx.audit(), ctx.actor(), ctx.session()));
        ctx.provide(DemoHistory.class, () -> new DemoHistory(ctx.database().dsl(), new VisitRepository(),
                new AssessmentRepository(), new IncidentRepository(), new CareRepository(), new PersonRepository(),
                ctx.care(), ctx.audit(), ctx.session()));
        ctx.provide(QueryPlans.class, () -> new QueryPlans(ctx.database().dsl(), ctx.care(), PeopleRules.DEFAULTS));
    }

    /** People registered before visits existed get their schedule row and first colour once. */
    @Override
    public void start(AppContext ctx) {
        ctx.care().backfill(ctx.database().dsl());
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        Session session = ctx.session();
        // The one place that tells open screens a visit, assessment or override was saved.
        s.provide(CareChanges.class, CareChanges::new);
        // The file, the assessment and the override belong to other rooms: handed in, so visits never names them.
        s.provide(CareActions.class, () -> new CareActions(s.loader(), new PersonFiles(ctx.people(), s.tasks(),
                s.loader()), (owner, id, name, saved) -> s.loader().load(AssessmentFormView.class).controller()
                        .show(owner, id, name, saved),
                (owner, id, name, active, done) -> s.loader().load(OverrideView.class).controller()
                        .show(owner, id, name, active, done),
                s.get(CareChanges.class)));
        s.controllers().register(TodayView.class, c -> new TodayView(new TodayViewModel(ctx.workList(), ctx.board(),
                s.tasks(), session.has(Permission.VISITS_WRITE)), s.get(CareActions.class)));
        s.controllers().register(VisitFormView.class, c -> new VisitFormView(
                new VisitFormViewModel(ctx.visits(), ctx.people(), s.tasks(), ctx.clock()), s.dialogs()));
        s.controllers().register(AssessmentFormView.class, c -> new AssessmentFormView(
                new AssessmentFormViewModel(ctx.assessments(), s.tasks(), ctx.clock()), s.dialogs()));
        s.controllers().register(PersonCareView.class, c -> new PersonCareView(new PersonCareViewModel(ctx.visits(),
                ctx.colours(), s.tasks(), session.has(Permission.VISITS_WRITE),
                session.has(Permission.COLOUR_OVERRIDE)), s.get(CareActions.class)));
        s.controllers().register(OverrideView.class, c -> new OverrideView(
                new OverrideViewModel(ctx.colours(), s.tasks(), ctx.clock()), s.dialogs()));
        // 走访与预警规则, a section of the settings page (included by its FXML).
        s.controllers().register(RiskRulesView.class, c -> new RiskRulesView(new RiskRulesViewModel(
                ctx.riskSettings(), s.tasks(), session.has(Permission.SETTINGS_MANAGE))));
    }

    /** 今日工作 is the first screen of those who record visits; others who may read it find it after the people. */
    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        Session session = s.ctx().session();
        if (session.has(Permission.VISITS_READ)) {
            entries.add(session.has(Permission.VISITS_WRITE) ? 0 : entries.size(),
                    new NavEntry("today", "nav.today", () -> s.loader().load(TodayView.class)));
        }
    }
}
