package org.caredesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Set;
import org.caredesk.app.FeatureModule;

/**
 * Each service's recipe stands in its feature's module (docs/decisions/0023): no other production class builds one
 * of the services the modules provide, so the window and the command line cannot drift apart again.
 */
@AnalyzeClasses(packages = "org.caredesk", importOptions = ImportOption.DoNotIncludeTests.class)
class WiringArchitectureTest {
    /** The services whose recipe was once written twice, and those a command or the shell built itself. */
    private static final Set<String> MODULE_BUILT = Set.of(
            "org.caredesk.roster.service.RosterImporter",
            "org.caredesk.roster.service.RosterExporter",
            "org.caredesk.audit.service.AuditExporter",
            "org.caredesk.users.service.UserService",
            "org.caredesk.users.service.SecuritySettingsService",
            "org.caredesk.users.service.UserAuthenticator",
            "org.caredesk.backups.service.BackupsService",
            "org.caredesk.settings.service.SettingsService",
            "org.caredesk.roster.ui.FxRosterActions",
            "org.caredesk.visits.ui.CareActions");

    private static final DescribedPredicate<JavaConstructorCall> BUILDS_A_MODULE_SERVICE =
            DescribedPredicate.describe("a service a feature module provides", call -> {
                JavaClass target = call.getTargetOwner();
                return MODULE_BUILT.contains(target.getName()) && !call.getOriginOwner().equals(target);
            });

    @ArchTest
    static final ArchRule onlyModulesBuildTheirServices = noClasses()
            .that().doNotImplement(FeatureModule.class)
            .should().callConstructorWhere(BUILDS_A_MODULE_SERVICE)
            .because("each recipe stands in its feature's module; others ask ctx.service(Type.class)");
}
