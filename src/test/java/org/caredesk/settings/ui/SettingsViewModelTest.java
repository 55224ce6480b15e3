package org.caredesk.settings.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.caredesk.app.AppContext;
import org.caredesk.app.UsersModule;
import org.caredesk.common.I18n;
import org.caredesk.security.Role;
import org.caredesk.security.Session;
import org.caredesk.security.UserIdentity;
import org.caredesk.settings.AppSettings;
import org.caredesk.settings.AppSettings.FontSize;
import org.caredesk.settings.AppSettings.Language;
import org.caredesk.ui.DirectTaskRunner;
import org.caredesk.users.SecuritySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private AppContext ctx;
    private Session session;
    private SettingsViewModel vm;
    private final List<SettingsViewModel.Saved> saved = new ArrayList<>();

    @BeforeEach
    void open() {
        I18n.setLocale(I18n.CHINESE);
        ctx = AppContext.inMemory(Path.of("target", "test-data"), Clock.systemDefaultZone());
        session = UsersModule.session(ctx);
    }

    @AfterEach
    void close() {
        ctx.close();
    }

    private void openAs(Role role) {
        session.login(new UserIdentity(UUID.randomUUID(), "u", "u", EnumSet.of(role)), ctx.clock().instant());
        vm = new SettingsViewModel(ctx.settings(), UsersModule.securitySettings(ctx), session,
                new DirectTaskRunner());
        vm.load();
    }

    @Test
    void theFrontDesk_changesTheirOwnFont_butNotTheCommunitysIdleLock() {
        openAs(Role.FRONT_DESK);
        assertThat(vm.mayManageProperty().get()).isFalse();
        assertThat(vm.idleMinutesProperty().get()).isEqualTo("10");

        vm.fontSizeProperty().set(FontSize.LARGE);
        vm.idleMinutesProperty().set("60");
        vm.save(saved::add);

        assertThat(saved).containsExactly(new SettingsViewModel.Saved(new AppSettings(Language.CHINESE,
                FontSize.LARGE), true));
        assertThat(ctx.settings().load().fontSize()).isEqualTo(FontSize.LARGE);
        assertThat(UsersModule.securitySettings(ctx).load()).isEqualTo(SecuritySettings.DEFAULTS);
        assertThat(vm.errorProperty().get()).isEmpty();
    }

    @Test
    void theDirector_changesTheIdleLock_forEveryone_withoutRebuildingTheScreens() {
        openAs(Role.DIRECTOR);
        assertThat(vm.mayManageProperty().get()).isTrue();

        vm.idleMinutesProperty().set(" 20 ");
        vm.save(saved::add);

        assertThat(saved).containsExactly(new SettingsViewModel.Saved(AppSettings.DEFAULTS, false));
        assertThat(UsersModule.securitySettings(ctx).load().idleTimeout()).isEqualTo(Duration.ofMinutes(20));
        assertThat(session.idleTimeout()).as("at once").isEqualTo(Duration.ofMinutes(20));
    }

    @Test
    void anIdleLockThatIsNotANumber_orOutOfRange_isSaidAndNothingIsSaved() {
        openAs(Role.DIRECTOR);

        vm.idleMinutesProperty().set("半小时");
        vm.fontSizeProperty().set(FontSize.LARGE);
        vm.save(saved::add);
        assertThat(vm.errorProperty().get()).isEqualTo("无操作自动锁屏（分钟）应在 1 到 240 之间，现在是 半小时。");

        vm.idleMinutesProperty().set("600");
        vm.save(saved::add);
        assertThat(vm.errorProperty().get()).isEqualTo("无操作自动锁屏（分钟）应在 1 到 240 之间，现在是 600。");

        assertThat(saved).isEmpty();
        assertThat(ctx.settings().load().fontSize()).isEqualTo(FontSize.NORMAL);
    }

    @Test
    void nothingChanged_savesNothing() {
        openAs(Role.DIRECTOR);

        vm.save(saved::add);

        assertThat(saved).isEmpty();
        assertThat(vm.isChanged()).isFalse();
    }
}
