package org.caredesk.app;

import org.caredesk.people.service.PeopleRules;
import org.caredesk.report.data.ReportRepository;
import org.caredesk.report.service.ReportService;

/** The monthly statistical report (统计报表): its service, for the command line now and the report screen later. */
public final class ReportModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(ReportService.class, () -> new ReportService(ctx.database().dsl(), new ReportRepository(),
                ctx.care(), PeopleRules.DEFAULTS, ctx.audit(), ctx.actor(), ctx.session(), ctx.clock(),
                ctx.tempDir()));
    }
}
