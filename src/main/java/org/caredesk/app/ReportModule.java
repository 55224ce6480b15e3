package org.caredesk.app;

import java.util.List;
import org.caredesk.people.service.PeopleRules;
import org.caredesk.people.ui.PersonFiles;
import org.caredesk.report.archive.data.SentReportRepository;
import org.caredesk.report.archive.service.ReportArchive;
import org.caredesk.report.data.ReportRepository;
import org.caredesk.report.service.ReportService;
import org.caredesk.report.ui.ReportDetailView;
import org.caredesk.report.ui.ReportView;
import org.caredesk.report.ui.ReportViewModel;
import org.caredesk.security.Permission;
import org.caredesk.ui.NavEntry;

/** The monthly statistical report (统计报表): its service, for the command line and the report screen. */
public final class ReportModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(ReportService.class, () -> new ReportService(ctx.database().dsl(), new ReportRepository(),
                ctx.care(), PeopleRules.DEFAULTS, ctx.audit(), ctx.actor(), ctx.session(), ctx.clock(),
                ctx.tempDir()));
        ctx.provide(ReportArchive.class, () -> new ReportArchive(ctx.database().dsl(), new SentReportRepository(),
                ctx.audit(), ctx.actor(), ctx.session(), ctx.clock(), ctx.dataDir()));
    }

    /** The scope list offers the buildings and caseworkers the board knows, read when the screen opens. */
    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        s.controllers().register(ReportView.class, c -> new ReportView(new ReportViewModel(
                ctx.service(ReportService.class), s.tasks(), ctx.clock(), () -> ctx.board().buildings(),
                () -> ctx.board().responsibleStaff()), s.dialogs(), s.loader()));
        s.controllers().register(ReportDetailView.class, c -> new ReportDetailView(
                new PersonFiles(ctx.people(), s.tasks(), s.loader())));
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.REPORT_READ)) {
            entries.add(new NavEntry("report", "nav.report", () -> s.loader().load(ReportView.class)));
        }
    }
}
