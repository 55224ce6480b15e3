package org.caredesk.app;

import java.util.List;
import org.caredesk.audit.data.AuditRepository;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.audit.service.AuditLog;
import org.caredesk.audit.ui.AuditLogView;
import org.caredesk.audit.ui.AuditLogViewModel;
import org.caredesk.audit.ui.PersonHistoryView;
import org.caredesk.audit.ui.PersonHistoryViewModel;
import org.caredesk.security.Permission;
import org.caredesk.ui.NavEntry;

/** The audit log every service writes to, its export, and the screens that read it. */
public final class AuditModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(AuditLog.class, () -> new AuditLog(ctx.database().dsl(), new AuditRepository(), ctx.clock(),
                ctx.session()));
        ctx.provide(AuditExporter.class, () -> new AuditExporter(ctx.audit(), ctx.tempDir(), ctx.actor()));
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        s.controllers().register(AuditLogView.class, c -> new AuditLogView(new AuditLogViewModel(ctx.audit(),
                ctx.service(AuditExporter.class), s.tasks()), s.dialogs()));
        s.controllers().register(PersonHistoryView.class, c -> new PersonHistoryView(
                new PersonHistoryViewModel(ctx.people()::personHistory, s.tasks())));
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        if (s.ctx().session().has(Permission.AUDIT_READ)) {
            entries.add(new NavEntry("audit", "nav.audit", () -> s.loader().load(AuditLogView.class)));
        }
    }
}
