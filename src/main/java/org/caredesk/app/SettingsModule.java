package org.caredesk.app;

import java.util.List;
import org.caredesk.settings.data.CommunityRepository;
import org.caredesk.settings.data.SettingsRepository;
import org.caredesk.settings.service.SettingsService;
import org.caredesk.settings.ui.SettingsView;
import org.caredesk.settings.ui.SettingsViewModel;
import org.caredesk.ui.NavEntry;

/** The community and the program's settings, and the settings page (every user has it). */
public final class SettingsModule implements FeatureModule {

    @Override
    public void build(AppContext ctx) {
        ctx.provide(SettingsService.class, () -> new SettingsService(ctx.database().dsl(),
                new SettingsRepository(ctx.database().dsl()), new CommunityRepository(), ctx.clock(), ctx.audit(),
                ctx.actor(), ctx.session()));
    }

    @Override
    public void registerViews(Screens s) {
        AppContext ctx = s.ctx();
        s.controllers().register(SettingsView.class, c -> new SettingsView(new SettingsViewModel(ctx.settings(),
                UsersModule.securitySettings(ctx), ctx.session(), s.tasks()), s.dialogs(), s.rebuild()));
    }

    @Override
    public void addNavigation(Screens s, List<NavEntry> entries) {
        entries.add(new NavEntry("settings", "nav.settings", () -> s.loader().load(SettingsView.class)));
    }
}
