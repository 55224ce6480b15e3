package org.caredesk.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.caredesk.audit.service.AuditExporter;
import org.caredesk.people.service.PersonService;
import org.caredesk.roster.service.RosterImporter;
import org.caredesk.security.PasswordHasher;
import org.caredesk.security.Role;
import org.caredesk.security.UserIdentity;
import org.caredesk.users.PasswordListener;
import org.caredesk.users.service.UserService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature modules: each service is built once by the one recipe of its module, whichever module asks for it;
 * a test replaces one only through an explicit override given before the modules build; a new feature is one class
 * and one line in the list.
 */
class ModulesTest {
    @TempDir
    Path dir;

    @Test
    void everyServiceIsBuiltOnce_andTheShortcutsGiveTheSameInstance() {
        try (AppContext ctx = AppContext.inMemory(dir, Clock.systemDefaultZone())) {
            assertThat(ctx.service(PersonService.class)).isSameAs(ctx.people()).isSameAs(ctx.people());
            assertThat(ctx.service(RosterImporter.class)).isSameAs(ctx.service(RosterImporter.class));
            assertThat(UsersModule.users(ctx)).isSameAs(ctx.service(UserService.class));
        }
    }

    @Test
    void anOverride_replacesTheService_andWhatIsBuiltOnItUsesTheOverride() {
        List<String> told = new ArrayList<>();
        PasswordListener recording = new PasswordListener() {
            @Override
            public void passwordSet(UserIdentity user, char[] password) {
                told.add(user.userName());
            }
        };
        try (AppContext ctx = AppContext.builder(dir, Clock.systemDefaultZone())
                .override(PasswordHasher.class, new PasswordHasher(1_000))
                .override(PasswordListener.class, recording).inMemory()) {
            UsersModule.users(ctx).addUser(ctx.session(), "lixia", "李霞", EnumSet.of(Role.FRONT_DESK),
                    "Desk2025!".toCharArray());

            assertThat(ctx.service(PasswordListener.class)).isSameAs(recording);
            assertThat(told).containsExactly("lixia");
        }
    }

    @Test
    void anOverrideOfWhatNoModuleProvides_isRefusedWhenTheModulesBuild() {
        AppContext.Builder b = AppContext.builder(dir, Clock.systemDefaultZone())
                .override(String.class, "nothing builds a String");

        assertThatThrownBy(b::inMemory).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("java.lang.String");
    }

    @Test
    void aSecondRecipeForTheSameService_isRefused() {
        FeatureModule copy = ctx -> ctx.provide(AuditExporter.class,
                () -> new AuditExporter(ctx.audit(), ctx.tempDir(), ctx.actor()));
        List<FeatureModule> modules = new ArrayList<>(Modules.ALL);
        modules.add(copy);
        AppContext.Builder b = AppContext.builder(dir, Clock.systemDefaultZone()).modules(modules);

        assertThatThrownBy(b::inMemory).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AuditExporter has two recipes");
    }

    /** A new room's service, built from the others': what the monthly report will look like. */
    record Report(PersonService people) {}

    @Test
    void aNewFeature_isOneModuleAndOneLine_itsRecipeUsingServicesOfModulesOnEitherSide() {
        FeatureModule reports = ctx -> ctx.provide(Report.class, () -> new Report(ctx.people()));
        List<FeatureModule> modules = new ArrayList<>();
        modules.add(reports);
        modules.addAll(Modules.ALL);

        try (AppContext ctx = AppContext.builder(dir, Clock.systemDefaultZone()).modules(modules).inMemory()) {
            assertThat(ctx.service(Report.class).people()).isSameAs(ctx.people());
        }
    }
}
